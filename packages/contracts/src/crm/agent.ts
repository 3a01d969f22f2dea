// Wire shapes of CRM agents (seeded reference data) and chat transcripts (append-only, content-addressed).
import { z } from 'zod';

export const Agent = z
  .object({
    id: z.string().describe('AGT-001 … AGT-004, AGT-SYS'),
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(['csr', 'supervisor', 'engineer', 'system']).nullable(),
    status: z.enum(['active', 'terminated']),
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof Agent>;

export const AgentListQuery = z.object({
  status: z.enum(['active', 'terminated']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type AgentListQuery = z.infer<typeof AgentListQuery>;

export const ChatTranscript = z
  .object({
    hash: z.string().describe('SHA-256 hex of body'),
    customerId: z.string().nullable(),
    body: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'ChatTranscript' });
export type ChatTranscript = z.infer<typeof ChatTranscript>;

export const ChatTranscriptStore = z.object({
  hash: z.string().max(64).regex(/^[0-9a-f]{64}$/, 'lowercase SHA-256 hex'),
  customerId: z.string().max(64).optional(),
  body: z.string().min(1).max(500_000),
});
export type ChatTranscriptStore = z.infer<typeof ChatTranscriptStore>;
