// Row → wire mapping of a subscription with its balances (read in the same query, as json_agg) and its eSIM view.
import type { subscription as c } from '@bss/contracts';
import type { SubscriptionRow, VasPurchaseRow } from '../schema.ts';
import { expiryTakeBack } from './consumption.ts';

export const SUBSCRIPTION_PATH = '/subscription-api/v1/subscription';

/** A balance as json_agg returns it (timestamps as JSON strings). */
export interface BalanceJson {
  allowance_type: c.AllowanceType;
  total: number;
  consumed: number;
  unit: string;
  period_start: string;
  period_end: string;
  unlimited_until: string | null;
}

/** A finite top-up whose expiry is not applied yet. */
export interface ExpiringTopUpJson {
  allowance_type: c.AllowanceType;
  quantity: number;
  expires_at: string;
}

/** A subscription row with its balances (and the top-ups still to expire). */
export type SubscriptionWithBalances = SubscriptionRow & { balances: BalanceJson[]; expiringTopUps?: ExpiringTopUpJson[] };

/** The balance as of `now`: top-ups already past their expiry take back their unused part (as the sweep will). */
export function atNow(b: BalanceJson, topUps: ExpiringTopUpJson[], now: Date): BalanceJson {
  let total = Number(b.total);
  for (const t of topUps) {
    if (t.allowance_type !== b.allowance_type || new Date(t.expires_at) > now) continue;
    total -= expiryTakeBack({ total, consumed: Number(b.consumed) }, Number(t.quantity));
  }
  return { ...b, total };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isoOf = (s: string) => new Date(s).toISOString();

const BALANCE_SUFFIX: Record<c.AllowanceType, string> = { data: 'DATA', voice: 'VOICE', sms: 'SMS', data_roaming: 'ROAM' };

/** One balance; remaining never goes below 0 and is -1 for an unlimited allowance (or under a running day pass at `now`). */
export function toBalance(subscriptionId: string, b: BalanceJson, now?: Date): c.BundleBalance {
  const total = Number(b.total);
  const consumed = Number(b.consumed);
  const underPass = now !== undefined && b.unlimited_until !== null && new Date(b.unlimited_until) > now;
  return {
    id: `${subscriptionId}-${BALANCE_SUFFIX[b.allowance_type]}`,
    subscriptionId,
    allowanceType: b.allowance_type,
    total,
    consumed,
    remaining: total === -1 || underPass ? -1 : Math.max(total - consumed, 0),
    unit: b.unit,
    periodStart: isoOf(b.period_start),
    periodEnd: isoOf(b.period_end),
    unlimitedUntil: b.unlimited_until ? isoOf(b.unlimited_until) : null,
  };
}

/** The wire Subscription; `href` is absolute from the public base URL. */
export function toSubscription(row: SubscriptionWithBalances, href: (path: string, id: string) => string, now?: Date): c.Subscription {
  return {
    id: row.id,
    href: href(SUBSCRIPTION_PATH, row.id),
    customerId: row.customerId,
    offeringId: row.offeringId,
    commercialOrderId: row.commercialOrderId,
    msisdn: row.msisdn,
    iccid: row.iccid,
    cfsServiceId: row.cfsServiceId,
    state: row.state,
    stateReason: row.stateReason,
    activatedAt: iso(row.activatedAt),
    currentPeriodStart: iso(row.currentPeriodStart),
    currentPeriodEnd: iso(row.currentPeriodEnd),
    nextRenewalAt: iso(row.nextRenewalAt),
    terminatedAt: iso(row.terminatedAt),
    priceAmount: row.priceAmount,
    priceCurrency: row.priceCurrency,
    priceOfferingPriceId: row.priceOfferingPriceId,
    paymentMethodId: row.paymentMethodId,
    activationPaymentId: row.activationPaymentId,
    pendingOfferingId: row.pendingOfferingId,
    pendingOfferingPriceId: row.pendingOfferingPriceId,
    pendingEffectiveAt: iso(row.pendingEffectiveAt),
    balances: row.balances.map((b) => toBalance(row.id, now ? atNow(b, row.expiringTopUps ?? [], now) : b, now)),
    atType: 'Subscription',
  };
}

/** The eSIM view of a line. */
export function toEsimView(row: SubscriptionRow): c.SubscriptionEsim {
  return {
    subscriptionId: row.id,
    iccid: row.iccid,
    msisdn: row.msisdn,
    activationCode: row.esimActivationCode,
    smdpServer: row.esimSmdpServer,
    matchingId: row.esimMatchingId,
  };
}

/** A VAS purchase with the line after it. */
export function toVasPurchase(p: VasPurchaseRow, subscription: c.Subscription): c.VasPurchase {
  return {
    id: p.id,
    subscriptionId: p.subscriptionId,
    vasOfferingId: p.vasOfferingId,
    paymentId: p.paymentId,
    amountCharged: p.amount,
    currency: p.currency,
    allowanceType: p.allowanceType,
    quantity: p.quantity,
    unit: p.unit,
    purchasedAt: p.purchasedAt.toISOString(),
    expiresAt: iso(p.expiresAt),
    expiredAt: iso(p.expiredAt),
    unblocked: p.unblocked,
    subscription,
  };
}
