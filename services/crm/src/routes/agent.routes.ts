// HTTP for agents (read-only reference data) and chat transcripts (store + get by hash).
import { crm } from '@bss/contracts';
import { ErrorEnvelope, NotFound } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { findAgent, listAgents } from '../repositories/agent.repository.ts';
import type { AgentRow } from '../schema.ts';
import { transcriptService } from '../services/transcript.service.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };
const toAgent = (a: AgentRow): crm.Agent => ({ id: a.id, name: a.name, email: a.email, role: a.role, status: a.status });

export function registerAgentRoutes(app: App, deps: CrmDeps): void {
  const db = deps.database.db;
  app.get('/crm-api/v1/agent', { schema: { tags: ['Agent'], querystring: crm.AgentListQuery, response: { 200: z.array(crm.Agent), ...errors } } }, async (req, reply) => {
    const { rows, total } = await listAgents(db, req.query);
    setListHeaders(reply, total, rows.length);
    return rows.map(toAgent);
  });
  app.get(
    '/crm-api/v1/agent/:agentId',
    { schema: { tags: ['Agent'], params: z.object({ agentId: z.string().min(1).max(64) }), response: { 200: crm.Agent, ...errors } } },
    async (req) => {
      const a = await findAgent(db, req.params.agentId);
      if (!a) throw new NotFound('agent', req.params.agentId);
      return toAgent(a);
    },
  );
}

export function registerTranscriptRoutes(app: App, deps: CrmDeps): void {
  const transcripts = transcriptService(deps);
  const tags = ['ChatTranscript'];
  app.post('/crm-api/v1/chat-transcript', { schema: { tags, body: crm.ChatTranscriptStore, response: { 200: crm.ChatTranscript, 201: crm.ChatTranscript, ...errors } } }, async (req, reply) => {
    const { transcript, created } = await transcripts.store(req.body);
    return reply.code(created ? 201 : 200).send(transcript);
  });
  app.get(
    '/crm-api/v1/chat-transcript/:hash',
    { schema: { tags, params: z.object({ hash: z.string().max(64).regex(/^[0-9a-f]{64}$/) }), response: { 200: crm.ChatTranscript, ...errors } } },
    async (req) => transcripts.get(req.params.hash),
  );
}
