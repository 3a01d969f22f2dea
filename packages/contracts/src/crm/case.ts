// Wire shapes of CRM cases (a case is the parent of 1..N tickets) and case notes, on /crm-api (camelCase).
import { z } from 'zod';

export const CaseState = z.enum(['open', 'in_progress', 'pending_customer', 'resolved', 'closed']);
export type CaseState = z.infer<typeof CaseState>;
export const CaseTrigger = z.enum(['take', 'await_customer', 'resume', 'resolve', 'close', 'cancel']);
export type CaseTrigger = z.infer<typeof CaseTrigger>;

/** A note on a case (append-only). */
export const CaseNote = z
  .object({
    id: z.string().describe('NOTE-<8 hex>'),
    caseId: z.string(),
    authorAgentId: z.string().nullable(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CaseNote' });
export type CaseNote = z.infer<typeof CaseNote>;

export const Case = z
  .object({
    id: z.string().describe('CASE-<8 hex>'),
    customerId: z.string(),
    subject: z.string(),
    description: z.string().nullable(),
    state: CaseState,
    priority: z.string().describe('low | normal | medium | high | critical'),
    category: z.string().describe('billing | technical | general | complaint'),
    resolutionCode: z.string().nullable(),
    openedByAgentId: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    chatTranscriptHash: z.string().nullable(),
    notes: z.array(CaseNote),
    ticketIds: z.array(z.string()),
  })
  .meta({ id: 'Case' });
export type Case = z.infer<typeof Case>;

/** Open body. Priority/category are strings checked by policy (so a bad value is a 422 with a rule id). */
export const CaseOpen = z.object({
  customerId: z.string().min(1).max(64),
  subject: z.string().min(1).max(300),
  description: z.string().max(20_000).optional(),
  priority: z.string().max(40).default('normal'),
  category: z.string().max(40).default('general'),
  openedByAgentId: z.string().max(64).optional(),
  chatTranscriptHash: z.string().max(64).regex(/^[0-9a-f]{64}$/).optional(),
});
export type CaseOpen = z.infer<typeof CaseOpen>;

export const CasePatch = z
  .object({
    trigger: CaseTrigger.optional(),
    resolutionCode: z.string().min(1).max(100).optional(),
    priority: z.string().max(40).optional(),
    category: z.string().max(40).optional(),
  })
  .refine((b) => b.trigger !== undefined || b.priority !== undefined || b.category !== undefined, 'trigger, priority or category is required');
export type CasePatch = z.infer<typeof CasePatch>;

export const CaseClose = z.object({ resolutionCode: z.string().min(1).max(100).optional() }).nullish();
export type CaseClose = z.infer<typeof CaseClose>;

export const CaseNoteCreate = z.object({ body: z.string().min(1).max(20_000), authorAgentId: z.string().max(64).optional() });
export type CaseNoteCreate = z.infer<typeof CaseNoteCreate>;

export const CaseListQuery = z.object({
  customerId: z.string().max(64).optional(),
  state: CaseState.optional(),
  openedByAgentId: z.string().max(64).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
