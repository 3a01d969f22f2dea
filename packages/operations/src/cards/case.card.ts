// The case card (`bss case show`): subject, state, priority, customer, who opened it and when, its tickets and notes.
import type { crm } from '@bss/contracts';
import { box, cardWidth, fit, section, shortTime, stateDot } from './text.ts';

export interface CaseView {
  case: crm.Case;
  tickets: crm.TroubleTicket[];
}

export function renderCase(v: CaseView, { width }: { width: number }): string {
  const w = cardWidth(width, 100);
  const inner = w - 4;
  const k = v.case;
  const lines = [
    `State:    ${stateDot(k.state)}   Priority: ${k.priority}   Category: ${k.category}`,
    `Customer: ${k.customerId}`,
    `Opened:   ${shortTime(k.openedAt)}${k.openedByAgentId ? ` by ${k.openedByAgentId}` : ''}`,
    ...(k.closedAt ? [`Closed:   ${shortTime(k.closedAt)}  resolution ${k.resolutionCode ?? '—'}`] : []),
    ...(k.description ? [`          ${k.description}`] : []),
    '',
    section('Tickets', inner, v.tickets.length),
  ];
  if (v.tickets.length === 0) lines.push('  (none)');
  for (const t of v.tickets) lines.push(`  ${fit(t.id, 24)} ${fit(t.ticketType, 22)} ${fit(t.status, 12)} ${fit(t.priority, 7)} ${t.name}`);
  lines.push('', section('Notes', inner, k.notes.length));
  if (k.notes.length === 0) lines.push('  (none)');
  for (const n of k.notes) lines.push(`  [${n.authorAgentId ?? 'operator'} ${shortTime(n.createdAt)}] ${n.body}`);
  return box(`${k.id}  '${k.subject}'  [${k.state}]  ${k.priority}`, lines, w);
}

/** The ticket card (`bss ticket show`). */
export function renderTicket(t: crm.TroubleTicket, { width }: { width: number }): string {
  const w = cardWidth(width, 90);
  const lines = [
    `Subject:  ${t.name}`,
    `Type:     ${t.ticketType}`,
    `State:    ${stateDot(t.status)}   Priority: ${t.priority}`,
    `Customer: ${t.customerId}${t.caseId ? `   Case: ${t.caseId}` : ''}`,
    `Assigned: ${t.assignedToAgentId ?? '—'}`,
    `Opened:   ${shortTime(t.creationDate)}   Changed: ${shortTime(t.statusChangeDate)}`,
    ...(t.resolutionNotes ? [`Resolved: ${t.resolutionNotes}`] : []),
  ];
  return box(`${t.id}  ${t.ticketType}`, lines, w);
}
