// Subscription reads: the line with its bundle balances (card with bars), a customer's lines, the line holding a
// number, balances alone, and the eSIM activation (QR card). The lifecycle writes are in subscription-lifecycle.ops.ts.
import type { subscription } from '@bss/contracts';
import { z } from 'zod';
import type { OperationClients } from '../clients.ts';
import { displayName } from '../cards/customer-view.ts';
import { renderEsimActivation } from '../cards/esim.card.ts';
import { renderSubscription, type SubscriptionView } from '../cards/subscription.card.ts';
import { table } from '../cards/table.ts';
import { formatMsisdn } from '../cards/text.ts';
import { CustomerId, Msisdn, SubscriptionId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

/** The line plus what the card adds around it (each side read may fail and is then left out). */
export interface SubscriptionDetails {
  subscription: subscription.Subscription;
  customerName?: string;
  offeringName?: string;
  /** The subscription service's business time, for "renews in N days" (cards never read a clock). */
  businessNow?: string;
}

const DAY_MS = 86_400_000;

async function details(c: OperationClients, sub: subscription.Subscription): Promise<SubscriptionDetails> {
  const soft = <T>(p: Promise<T>) => p.catch(() => undefined);
  const clock = c.admin.find((a) => a.service === 'subscription');
  const [customer, offering, now] = await Promise.all([soft(c.crm.getCustomer(sub.customerId)), soft(c.catalog.getOffering(sub.offeringId)), clock ? soft(clock.client.clockNow()) : undefined]);
  return {
    subscription: sub,
    ...(customer ? { customerName: displayName(customer) } : {}),
    ...(offering ? { offeringName: offering.name } : {}),
    ...(now ? { businessNow: now.now } : {}),
  };
}

export function subscriptionView(d: SubscriptionDetails): SubscriptionView {
  const s = d.subscription;
  const renewsInDays = d.businessNow && s.nextRenewalAt ? Math.max(0, Math.ceil((Date.parse(s.nextRenewalAt) - Date.parse(d.businessNow)) / DAY_MS)) : undefined;
  return {
    id: s.id,
    customerId: s.customerId,
    ...(d.customerName ? { customerName: d.customerName } : {}),
    msisdn: s.msisdn,
    offeringId: s.offeringId,
    ...(d.offeringName ? { offeringName: d.offeringName } : {}),
    priceAmount: s.priceAmount,
    currency: s.priceCurrency,
    state: s.state,
    activatedAt: s.activatedAt,
    nextRenewalAt: s.nextRenewalAt,
    ...(renewsInDays !== undefined ? { renewsInDays } : {}),
    balances: s.balances.map((b) => ({ type: b.allowanceType, used: b.consumed, total: b.total, unit: b.unit === 'minutes' ? 'min' : b.unit })),
  };
}

const subscriptionsTable = (rows: subscription.Subscription[], width: number) =>
  table(
    'Subscriptions',
    [
      { header: 'ID', cell: (s: subscription.Subscription) => s.id, width: 30 },
      { header: 'Plan', cell: (s) => s.offeringId, width: 12 },
      { header: 'State', cell: (s) => s.state, width: 10 },
      { header: 'MSISDN', cell: (s) => formatMsisdn(s.msisdn) },
    ],
    rows,
    width,
  );

export const subscriptionOps = [
  defineOperation({
    name: 'subscription.get',
    summary: 'Show a subscription: plan, price snapshot, state, renewal and bundle balances as bars',
    description:
      'The line { id, customerId, offeringId, msisdn, iccid, state (pending|active|blocked|terminated), priceAmount, nextRenewalAt, balances[{ allowanceType, total, consumed, remaining, unit }] } plus the customer and plan names. total/remaining −1 = unlimited. NOT_FOUND for an unknown id.',
    kind: 'read',
    destructive: false,
    services: ['subscription', 'crm', 'catalog'],
    input: z.object({ subscriptionId: SubscriptionId }),
    run: async (c, i) => details(c, await c.subscription.get(i.subscriptionId)),
    render: (d, o) => renderSubscription(subscriptionView(d), o),
    cli: { command: ['subscription', 'show'], positional: ['subscriptionId'], example: 'bss subscription show SUB-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'subscription.list_for_customer',
    summary: "List a customer's subscriptions: id, plan, state, number",
    description: 'Every line of the customer, newest first, each with its balances.',
    kind: 'read',
    destructive: false,
    services: ['subscription'],
    input: z.object({ customerId: CustomerId }),
    run: async (c, i) => Promise.all((await c.subscription.listByCustomer(i.customerId)).map((s) => c.subscription.get(s.id))),
    render: (rows, { width }) => subscriptionsTable(rows, width),
    cli: { command: ['subscription', 'list'], flags: { customerId: 'customer' }, example: 'bss subscription list --customer CUST-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'subscription.get_by_msisdn',
    summary: 'Show the subscription holding a number',
    description: 'The live (not terminated) line holding the MSISDN, as subscription.get. NOT_FOUND when no line holds it.',
    kind: 'read',
    destructive: false,
    services: ['subscription', 'crm', 'catalog'],
    input: z.object({ msisdn: Msisdn }),
    run: async (c, i) => details(c, await c.subscription.getByMsisdn(i.msisdn)),
    render: (d, o) => renderSubscription(subscriptionView(d), o),
    cli: { command: ['subscription', 'by-msisdn'], positional: ['msisdn'], example: 'bss subscription by-msisdn 90000005' },
  }),
  defineOperation({
    name: 'subscription.get_balance',
    summary: "A subscription's bundle balances of the current period",
    description: 'Returns { subscriptionId, balances: [{ allowanceType, total, consumed, remaining, unit, periodStart, periodEnd }] }; −1 = unlimited. A line is blocked the instant a balance reaches zero.',
    kind: 'read',
    destructive: false,
    services: ['subscription'],
    input: z.object({ subscriptionId: SubscriptionId }),
    run: async (c, i) => ({ subscriptionId: i.subscriptionId, balances: await c.subscription.balances(i.subscriptionId) }),
    render: (r, { width }) =>
      table(
        `Balances ${r.subscriptionId}`,
        [
          { header: 'Allowance', cell: (b: subscription.BundleBalance) => b.allowanceType, width: 12 },
          { header: 'Used', cell: (b) => String(b.consumed), width: 10 },
          { header: 'Total', cell: (b) => (b.total < 0 ? 'unlimited' : String(b.total)), width: 10 },
          { header: 'Left', cell: (b) => (b.remaining < 0 ? 'unlimited' : String(b.remaining)), width: 10 },
          { header: 'Unit', cell: (b) => b.unit },
        ],
        r.balances,
        width,
      ),
    cli: { command: ['subscription', 'balance'], positional: ['subscriptionId'], example: 'bss subscription balance SUB-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'subscription.get_esim_activation',
    summary: "A line's eSIM activation: QR code of the LPA string, ICCID, number",
    description: 'Returns { subscriptionId, iccid, msisdn, activationCode (LPA:1$…), smdpServer, matchingId } — what a device scans to install the profile. No secret material. `showFull` prints the ICCID/IMSI unredacted on the card.',
    kind: 'read',
    destructive: false,
    services: ['subscription', 'crm'],
    input: z.object({ subscriptionId: SubscriptionId, showFull: z.boolean().default(false).describe('Show ICCID/IMSI unredacted on the card') }),
    run: async (c, i) => {
      const esim = await c.subscription.esim(i.subscriptionId);
      const profile = await c.inventory.getEsim(esim.iccid).catch(() => undefined);
      return { esim, ...(profile ? { profile } : {}), showFull: i.showFull };
    },
    render: (r, o) =>
      r.esim.activationCode
        ? renderEsimActivation(
            {
              activation: { iccid: r.esim.iccid, activationCode: r.esim.activationCode, smdpServer: r.esim.smdpServer ?? '—', matchingId: r.esim.matchingId ?? '—' },
              ...(r.profile ? { profile: r.profile } : {}),
              showFull: r.showFull,
            },
            o,
          )
        : `${r.esim.subscriptionId}: no activation code yet (eSIM ${r.esim.iccid})`,
    cli: { command: ['esim', 'show'], positional: ['subscriptionId'], example: 'bss esim show SUB-01JZ8Q3V9KX2M7 --show-full' },
  }),
];
