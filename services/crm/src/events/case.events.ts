// Event builders for cases and tickets (domain-rules §4.3 names; camelCase payloads in this port).
import type { NewEvent } from '@bss/events';

export const caseEvents = {
  opened: (caseId: string, customerId: string, subject: string): NewEvent => ({
    eventType: 'case.opened',
    aggregateType: 'case',
    aggregateId: caseId,
    payload: { caseId, customerId, subject },
  }),
  transitioned: (caseId: string, customerId: string, trigger: string, fromState: string, toState: string): NewEvent => ({
    eventType: `case.${trigger}`,
    aggregateType: 'case',
    aggregateId: caseId,
    payload: { caseId, customerId, trigger, fromState, toState },
  }),
  updated: (caseId: string, changed: Record<string, { from: unknown; to: unknown }>): NewEvent => ({
    eventType: 'case.updated',
    aggregateType: 'case',
    aggregateId: caseId,
    payload: { caseId, changed },
  }),
  noteAdded: (caseId: string, noteId: string): NewEvent => ({ eventType: 'case.note_added', aggregateType: 'case', aggregateId: caseId, payload: { caseId, noteId } }),
};

export const ticketEvents = {
  opened: (ticketId: string, customerId: string, caseId: string | null, subject: string): NewEvent => ({
    eventType: 'ticket.opened',
    aggregateType: 'ticket',
    aggregateId: ticketId,
    payload: { ticketId, customerId, caseId, subject },
  }),
  transitioned: (ticketId: string, customerId: string, trigger: string, fromState: string, toState: string, cascade = false): NewEvent => ({
    eventType: `ticket.${trigger}`,
    aggregateType: 'ticket',
    aggregateId: ticketId,
    payload: { ticketId, customerId, trigger, fromState, toState, ...(cascade ? { cascadeFromCase: true } : {}) },
  }),
  updated: (ticketId: string, changed: Record<string, { from: unknown; to: unknown }>): NewEvent => ({
    eventType: 'ticket.updated',
    aggregateType: 'ticket',
    aggregateId: ticketId,
    payload: { ticketId, changed },
  }),
  /** A never-worked ticket withdrawn through TMF621 DELETE; the payload keeps what it was. */
  deleted: (ticketId: string, customerId: string, caseId: string | null, subject: string): NewEvent => ({
    eventType: 'ticket.deleted',
    aggregateType: 'ticket',
    aggregateId: ticketId,
    payload: { ticketId, customerId, caseId, subject },
  }),
};
