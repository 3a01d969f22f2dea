// Drizzle tables of the CRM core in pgSchema('crm') (DDL: migrations/crm/0001_crm.sql). Columns are camelCase
// here and snake_case in Postgres through drizzle's `casing` option. port_request lives in the porting module.
import { bigint, bigserial, boolean, date, jsonb, pgSchema, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const crm = pgSchema('crm');

/** A TMF RelatedParty reference as the client sent it. */
export type EngagedPartyRef = { id: string; '@referredType': string } & Record<string, string>;
/** TMF629 reference lists CRM keeps (each a list of TMF reference objects, as sent). */
export interface CustomerTmfRefs {
  relatedParty?: Record<string, string>[];
  account?: Record<string, string>[];
  agreement?: Record<string, string>[];
}

const ts = () => timestamp({ withTimezone: true });

export const party = crm.table('party', {
  id: text().primaryKey(),
  partyType: text().notNull().default('individual'),
  tenantId: text().notNull().default('DEFAULT'),
});

export const individual = crm.table('individual', {
  partyId: text().primaryKey(),
  givenName: text().notNull(),
  familyName: text().notNull().default(''),
  dateOfBirth: date({ mode: 'string' }),
  tenantId: text().notNull().default('DEFAULT'),
  updatedAt: ts().notNull().defaultNow(),
});

export const contactMedium = crm.table('contact_medium', {
  id: text().primaryKey(),
  partyId: text().notNull(),
  mediumType: text().notNull().$type<'email' | 'phone' | 'postal'>(),
  value: text().notNull(),
  isPrimary: boolean().notNull().default(false),
  validFrom: ts(),
  validTo: ts(),
  tenantId: text().notNull().default('DEFAULT'),
  updatedAt: ts().notNull().defaultNow(),
});

export const customer = crm.table('customer', {
  id: text().primaryKey(),
  partyId: text().notNull(),
  status: text().notNull().$type<'pending' | 'active' | 'suspended' | 'closed'>(),
  statusReason: text(),
  customerSince: ts(),
  kycStatus: text().notNull().default('not_verified').$type<'not_verified' | 'pending' | 'verified' | 'rejected' | 'expired'>(),
  kycVerifiedAt: ts(),
  kycVerificationMethod: text(),
  kycReference: text(),
  /** The client's engagedParty as sent; null when CRM minted the party (see migrations/crm/0003). */
  engagedParty: jsonb().$type<EngagedPartyRef>(),
  /** TMF629 reference lists stored, not acted on. */
  tmfRefs: jsonb().$type<CustomerTmfRefs>(),
  validTo: ts(),
  /** TMF DELETE tombstone: set rows are invisible to every lookup. */
  deletedAt: ts(),
  tenantId: text().notNull().default('DEFAULT'),
  updatedAt: ts().notNull().defaultNow(),
});

export const customerIdentity = crm.table('customer_identity', {
  customerId: text().primaryKey(),
  documentType: text().notNull(),
  documentHash: text().notNull(),
  documentNumberLast4: varchar({ length: 4 }).notNull(),
  documentCountry: text().notNull(),
  dateOfBirth: date({ mode: 'string' }).notNull(),
  nationality: text(),
  provider: text().notNull(),
  providerReference: text().notNull(),
  verifiedAt: ts().notNull(),
  tenantId: text().notNull().default('DEFAULT'),
  updatedAt: ts().notNull().defaultNow(),
});

export const agent = crm.table('agent', {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text(),
  role: text().$type<'csr' | 'supervisor' | 'engineer' | 'system'>(),
  status: text().notNull().$type<'active' | 'terminated'>(),
  tenantId: text().notNull().default('DEFAULT'),
});

export const crmCase = crm.table('case', {
  id: text().primaryKey(),
  customerId: text().notNull(),
  subject: text().notNull(),
  description: text(),
  state: text().notNull().$type<'open' | 'in_progress' | 'pending_customer' | 'resolved' | 'closed'>(),
  priority: text().notNull(),
  category: text().notNull(),
  resolutionCode: text(),
  openedByAgentId: text(),
  openedAt: ts().notNull(),
  closedAt: ts(),
  chatTranscriptHash: text(),
  seq: bigserial({ mode: 'number' }).notNull(),
  tenantId: text().notNull().default('DEFAULT'),
  updatedAt: ts().notNull().defaultNow(),
});

export const caseNote = crm.table('case_note', {
  id: text().primaryKey(),
  caseId: text().notNull(),
  authorAgentId: text(),
  body: text().notNull(),
  createdAt: ts().notNull(),
  tenantId: text().notNull().default('DEFAULT'),
});

export const ticket = crm.table('ticket', {
  id: text().primaryKey(),
  caseId: text(),
  customerId: text().notNull(),
  ticketType: text().notNull().$type<'service_outage' | 'billing_dispute' | 'configuration' | 'information_request' | 'provisioning_exception'>(),
  subject: text().notNull(),
  description: text(),
  state: text().notNull().$type<'open' | 'acknowledged' | 'in_progress' | 'pending' | 'resolved' | 'closed' | 'cancelled'>(),
  priority: text().notNull().$type<'low' | 'normal' | 'high' | 'urgent'>(),
  // TMF621 severity (migrations/crm/0004); null for tickets opened without one
  severity: text(),
  assignedToAgentId: text(),
  resolutionNotes: text(),
  openedAt: ts().notNull(),
  stateChangedAt: ts().notNull(),
  resolvedAt: ts(),
  closedAt: ts(),
  seq: bigserial({ mode: 'number' }).notNull(),
  tenantId: text().notNull().default('DEFAULT'),
  updatedAt: ts().notNull().defaultNow(),
});

export const ticketStateHistory = crm.table('ticket_state_history', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  ticketId: text().notNull(),
  fromState: text(),
  toState: text().notNull(),
  trigger: text(),
  changedByAgentId: text(),
  reason: text(),
  eventTime: ts().notNull(),
  tenantId: text().notNull().default('DEFAULT'),
});

export const interaction = crm.table('interaction', {
  id: text().primaryKey(),
  customerId: text().notNull(),
  channel: text().notNull(),
  direction: text().notNull().$type<'inbound' | 'outbound'>(),
  summary: text().notNull(),
  body: text(),
  actor: text(),
  agentId: text(),
  relatedCaseId: text(),
  relatedTicketId: text(),
  occurredAt: ts().notNull(),
  seq: bigserial({ mode: 'number' }).notNull(),
  /** TMF683 status (opened, inProgress, completed); auto-logged interactions are completed. */
  status: text().notNull().default('completed'),
  interactionStart: ts(),
  interactionEnd: ts(),
  /** TMF683 attributes kept verbatim (note, attachment, interactionRelationship, extra channel/party/item entries). */
  tmfExtra: jsonb().$type<Record<string, unknown>>(),
  tenantId: text().notNull().default('DEFAULT'),
});

export const slaPolicy = crm.table('sla_policy', {
  id: text().primaryKey(),
  ticketType: text().notNull(),
  priority: text().notNull(),
  targetResolutionMinutes: bigint({ mode: 'number' }).notNull(),
});

export const chatTranscript = crm.table('chat_transcript', {
  hash: text().primaryKey(),
  customerId: text(),
  body: text().notNull(),
  recordedAt: ts().notNull(),
  tenantId: text().notNull().default('DEFAULT'),
});

export type CustomerRow = typeof customer.$inferSelect;
export type IndividualRow = typeof individual.$inferSelect;
export type ContactMediumRow = typeof contactMedium.$inferSelect;
export type CaseRow = typeof crmCase.$inferSelect;
export type CaseNoteRow = typeof caseNote.$inferSelect;
export type TicketRow = typeof ticket.$inferSelect;
export type InteractionRow = typeof interaction.$inferSelect;
export type AgentRow = typeof agent.$inferSelect;
export type IdentityRow = typeof customerIdentity.$inferSelect;
export type TranscriptRow = typeof chatTranscript.$inferSelect;
