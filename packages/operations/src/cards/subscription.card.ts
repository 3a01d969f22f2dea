// The subscription card with bundle balance bars (§D.5 layout). Layout only for now: the subscription service is
// pending, so its command arrives with it; the view is the card's own shape, which the command will map into.
import { bar, box, cardWidth, fitRight, formatMsisdn, section, shortDate, stateDot, fit } from './text.ts';

/** One bundle balance; `total` −1 = unlimited. */
export interface BalanceView {
  type: string;
  used: number;
  total: number;
  unit: string;
}

export interface SubscriptionView {
  id: string;
  customerId: string;
  customerName?: string;
  msisdn?: string | null;
  offeringId: string;
  offeringName?: string;
  /** Decimal string, e.g. "10.00". */
  priceAmount?: string;
  currency?: string;
  state: string;
  activatedAt?: string | null;
  nextRenewalAt?: string | null;
  /** Whole days until renewal, computed by the caller from business time (cards never read a clock). */
  renewsInDays?: number;
  balances: BalanceView[];
}

const LABEL: Record<string, string> = { data: 'Data', voice: 'Voice', sms: 'SMS', data_roaming: 'Roaming' };

export function renderSubscription(s: SubscriptionView, { width }: { width: number }): string {
  const w = cardWidth(width, 78);
  const inner = w - 4;
  const blocked = s.state === 'blocked';
  const price = s.priceAmount ? ` — ${s.currency ?? 'SGD'} ${s.priceAmount}/mo` : '';
  const lines = [
    `Customer:  ${s.customerName ? `${s.customerName} (${s.customerId})` : s.customerId}`,
    `MSISDN:    ${formatMsisdn(s.msisdn)}`,
    `Plan:      ${s.offeringName ? `${s.offeringName} (${s.offeringId})` : s.offeringId}${price}`,
    `State:     ${blocked ? '⚠ ' : ''}${stateDot(s.state)}`,
    `Activated: ${s.activatedAt ?? '—'}`,
    `Renews in: ${s.renewsInDays === undefined ? '—' : `${s.renewsInDays} days`} (${shortDate(s.nextRenewalAt)})`,
    '',
    section('Bundle', inner),
  ];
  // Labels are padded to the longest one, so a roaming row keeps the bars aligned (the reference's 7-char pad did not).
  const pad = Math.max(5, ...s.balances.map((b) => (LABEL[b.type] ?? b.type).length));
  for (const b of s.balances) {
    const label = fit(LABEL[b.type] ?? b.type, pad);
    // −1 is unlimited; 0 is an allowance the plan does not include (PLAN_S roaming), never "unlimited".
    const unlimited = b.total < 0;
    const none = b.total === 0;
    const amounts = unlimited ? 'unlimited' : none ? 'not included' : `${fitRight(b.used.toFixed(1), 7)} / ${fitRight(b.total.toFixed(1), 7)} ${b.unit.toUpperCase()}`;
    const pct = unlimited || none ? '' : `${fitRight(String(Math.round((b.used / b.total) * 100)), 3)}%`;
    lines.push(`  ${label} ${bar(b.used, b.total)}  ${amounts}  ${pct}`.trimEnd());
  }
  if (s.balances.length === 0) lines.push('  (no balances)');
  return box(`Subscription ${s.id}`, lines, w, { double: blocked });
}
