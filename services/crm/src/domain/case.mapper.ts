// Row set → the /crm-api Case (camelCase, nulls allowed off the TMF paths) with its notes and ticket ids.
import type { crm } from '@bss/contracts';
import type { CaseNoteRow, CaseRow } from '../schema.ts';

export function toCaseNote(n: CaseNoteRow): crm.CaseNote {
  return { id: n.id, caseId: n.caseId, authorAgentId: n.authorAgentId, body: n.body, createdAt: n.createdAt.toISOString() };
}

export function toCase(k: CaseRow, notes: CaseNoteRow[], ticketIds: string[]): crm.Case {
  return {
    id: k.id,
    customerId: k.customerId,
    subject: k.subject,
    description: k.description,
    state: k.state,
    priority: k.priority,
    category: k.category,
    resolutionCode: k.resolutionCode,
    openedByAgentId: k.openedByAgentId,
    openedAt: k.openedAt.toISOString(),
    closedAt: k.closedAt ? k.closedAt.toISOString() : null,
    chatTranscriptHash: k.chatTranscriptHash,
    notes: notes.map(toCaseNote),
    ticketIds,
  };
}
