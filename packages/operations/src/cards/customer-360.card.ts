// The customer 360 card (`bss customer show`, `customer.get`): status + KYC badge, contact, subscriptions, open cases
// with their tickets, recent interactions — and which downstream reads were unavailable, instead of hiding them.
import type { crm, subscription } from '@bss/contracts';
import { contactOf, customerSince, displayName, kycStatusOf } from './customer-view.ts';
import { box, cardWidth, fit, formatMsisdn, section, shortDate, shortTime, stateDot } from './text.ts';

/** What the 360 view gathers (the `customer.get` result). */
export interface Customer360 {
  customer: crm.Customer;
  /** Each line with its number and plan when the full read answered (else the summary alone). */
  subscriptions: (subscription.SubscriptionSummary & { msisdn?: string; offeringId?: string })[];
  /** Orders still acknowledged or in progress. */
  openOrders?: { id: string; offeringId?: string; state?: string }[];
  cases: { case: crm.Case; tickets: crm.TroubleTicket[] }[];
  interactions: crm.PartyInteraction[];
  /** Services whose read failed (the card says so; the customer read itself never lands here). */
  unavailable: string[];
}

const CLOSED_CASE = ['resolved', 'closed'];

export function renderCustomer360(v: Customer360, { width }: { width: number }): string {
  const w = cardWidth(width, 100);
  const inner = w - 4;
  const c = v.customer;
  const kyc = kycStatusOf(c) === 'verified' ? ' · ✓ KYC verified' : ' · ⚠ KYC not verified';
  const { email, phone } = contactOf(c);
  const lines = [
    `Status:  ${stateDot(c.status)}${kyc}`,
    `Contact: ${[email, phone].filter(Boolean).join(' · ') || '—'}`,
    `Since:   ${shortDate(customerSince(c))}`,
    '',
    section('Subscriptions', inner, v.subscriptions.length),
  ];
  if (v.unavailable.includes('subscription')) lines.push('  (subscription service unavailable)');
  else if (v.subscriptions.length === 0) lines.push('  (none)');
  for (const s of v.subscriptions) lines.push(`  ${fit(s.id, 30)} ${fit(stateDot(s.state), 14)} ${fit(formatMsisdn(s.msisdn), 10)} ${s.offeringId ?? ''}`.trimEnd());
  if (v.openOrders) {
    lines.push('', section('Open Orders', inner, v.openOrders.length));
    if (v.unavailable.includes('com')) lines.push('  (order service unavailable)');
    else if (v.openOrders.length === 0) lines.push('  (none)');
    for (const o of v.openOrders) lines.push(`  ${fit(o.id, 30)} ${fit(o.state ?? '', 14)} ${o.offeringId ?? ''}`.trimEnd());
  }

  const open = v.cases.filter((k) => !CLOSED_CASE.includes(k.case.state));
  lines.push('', section('Open Cases', inner, open.length));
  if (open.length === 0) lines.push('  (none)');
  for (const { case: k, tickets } of open) {
    lines.push(`  ${fit(k.id, 25)} ${fit(k.state, 16)} ${fit(k.priority, 8)} ${k.subject}`);
    tickets.forEach((t, i) => lines.push(`    ${i === tickets.length - 1 ? '└─' : '├─'} ${fit(t.id, 24)} ${fit(t.ticketType, 22)} ${t.status}`));
  }
  const done = v.cases.length - open.length;
  if (done > 0) lines.push(`  (+ ${done} resolved/closed)`);

  lines.push('', section('Recent Interactions', inner, v.interactions.length));
  if (v.interactions.length === 0) lines.push('  (none)');
  for (const i of v.interactions.slice(0, 5)) {
    lines.push(`  ${shortTime(i.interactionDate.startDateTime ?? i.creationDate)}  ${fit(i.channel[0]?.id ?? '—', 12)} ${i.reason}`);
  }
  if (v.interactions.length > 5) lines.push(`  … ${v.interactions.length - 5} more (bss interaction list)`);
  return box(`${c.id}  ${displayName(c)}`, lines, w);
}
