// Wire shapes of TMF683-style customer interactions (camelCase, href, @type).
import { z } from 'zod';

/** One logged interaction with a customer. */
export const Interaction = z
  .object({
    id: z.string().describe('INT-<8 hex>'),
    href: z.string(),
    customerId: z.string(),
    channel: z.string().describe('Who asked: cli, llm, portal-csr, portal-self-serve, scenario, system'),
    direction: z.enum(['inbound', 'outbound']),
    summary: z.string(),
    body: z.string().optional(),
    actor: z.string().optional().describe('X-BSS-Actor of the request that logged it'),
    agentId: z.string().optional(),
    relatedCaseId: z.string().optional(),
    relatedTicketId: z.string().optional(),
    occurredAt: z.string(),
    '@type': z.literal('Interaction'),
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof Interaction>;

/** Explicit create body. */
export const InteractionCreate = z.object({
  customerId: z.string().min(1).max(64),
  summary: z.string().min(1).max(500),
  body: z.string().max(20_000).optional(),
  channel: z.string().max(64).regex(/^[\w.:-]{1,64}$/).optional(),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  agentId: z.string().max(64).optional(),
  relatedCaseId: z.string().max(64).optional(),
  relatedTicketId: z.string().max(64).optional(),
});
export type InteractionCreate = z.infer<typeof InteractionCreate>;

/** List by customer, newest first. */
export const InteractionListQuery = z.object({
  customerId: z.string().min(1).max(64),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type InteractionListQuery = z.infer<typeof InteractionListQuery>;
