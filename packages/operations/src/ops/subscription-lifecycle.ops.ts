// Subscription lifecycle writes: VAS top-up, manual renewal and the renewal sweep, termination, plan change
// schedule/cancel and the operator's price migration. Each is one client call; the service owns every rule.
import { subscription } from '@bss/contracts';
import { z } from 'zod';
import { IsoInstant, OfferingId, SubscriptionId, VasOfferingId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const PriceId = z.string().min(1).max(64).describe('Price id, e.g. PRICE_PLAN_M_2026 — take it from catalog.get_offering');

const line = (s: subscription.Subscription) =>
  `${s.id} ${s.offeringId} [${s.state}] ${s.priceAmount} ${s.priceCurrency}, renews ${s.nextRenewalAt ?? '—'}` +
  (s.pendingOfferingId ? `; → ${s.pendingOfferingId} from ${s.pendingEffectiveAt ?? '—'}` : '');

const ids = (label: string, xs: readonly string[]) => (xs.length ? `${label}: ${xs.join(', ')}` : `${label}: none`);

export const subscriptionLifecycleOps = [
  defineOperation({
    name: 'subscription.purchase_vas',
    summary: 'Buy a VAS top-up for a line, charged to the default card (unblocks exhausted data)',
    description:
      'Charges the VAS price to the customer\'s preferred active card and adds its allowance: a finite top-up adds to the balance, a day pass (-1) makes data unlimited until expiresAt. A line blocked because data ran out becomes active again. Returns { id, paymentId, amountCharged, allowanceType, quantity, expiresAt, subscription }. The same idempotencyKey again returns the first purchase without a second charge. Not destructive. Refusals: subscription.vas_purchase.not_if_terminated, subscription.vas_purchase.renewal_required (blocked for a declined renewal: renew instead), subscription.vas_purchase.vas_offering_sellable, subscription.vas_purchase.requires_active_cof.',
    kind: 'create',
    destructive: false,
    services: ['subscription', 'catalog', 'payment'],
    input: z.object({
      subscriptionId: SubscriptionId,
      vasOfferingId: VasOfferingId,
      idempotencyKey: z.string().min(1).max(100).optional().describe('Caller-chosen key: a retry with it never charges twice'),
    }),
    run: (c, i) => c.subscription.purchaseVas(i.subscriptionId, { vasOfferingId: i.vasOfferingId, ...(i.idempotencyKey ? { idempotencyKey: i.idempotencyKey } : {}) }),
    render: (v) => `${v.id} ${v.vasOfferingId} charged ${v.amountCharged} ${v.currency} (${v.paymentId}): +${v.quantity < 0 ? 'unlimited' : String(v.quantity)} ${v.unit} ${v.allowanceType}\n${line(v.subscription)}`,
    cli: { command: ['subscription', 'purchase-vas'], positional: ['subscriptionId'], flags: { vasOfferingId: 'vas' }, example: 'bss subscription purchase-vas SUB-01JZ8Q3V9KX2M7 --vas VAS_DATA_1GB' },
  }),
  defineOperation({
    name: 'subscription.renew_now',
    summary: 'Renew a line now at its snapshot price (blocked, or active and due)',
    description:
      'Charges the snapshot price (or the scheduled plan/price when it takes effect) and starts a new period with fresh balances. Returns { outcome: renewed|declined, paymentId, paymentStatus, subscription }: a declined charge leaves the line blocked (no retry). Not destructive. Refusals: subscription.renew.only_if_active_or_blocked, subscription.renew.not_due (active and not yet due), subscription.renew.no_payment_method, subscription.renew.requires_offering.',
    kind: 'update',
    destructive: false,
    services: ['subscription', 'catalog', 'payment'],
    input: z.object({ subscriptionId: SubscriptionId }),
    run: (c, i) => c.subscription.renew(i.subscriptionId),
    render: (r) => `${r.outcome}${r.paymentStatus ? ` (payment ${r.paymentId ?? '—'} ${r.paymentStatus})` : ''}\n${line(r.subscription)}`,
    cli: { command: ['subscription', 'renew'], positional: ['subscriptionId'], example: 'bss subscription renew SUB-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'subscription.tick_renewals_now',
    summary: 'Run one renewal worker pass now (renew due lines, expire top-ups, send reminders)',
    description:
      'One synchronous pass of the renewal worker at business time: applies due top-up expiries, renews every due active line (a declined charge blocks it), announces skipped renewals of blocked lines once, sends reminders. Returns { renewed, declined, skipped, reminded, vasExpiryApplied, failed[{subscriptionId, error}] } as subscription ids. A second pass at the same instant renews nothing twice. Admin (needs the admin scope).',
    kind: 'admin',
    destructive: false,
    services: ['subscription'],
    input: z.object({}),
    run: (c) => c.subscription.renewalTickNow(),
    render: (r) =>
      [ids('renewed', r.renewed), ids('declined', r.declined), ids('skipped', r.skipped), ids('reminded', r.reminded), ids('top-ups expired', r.vasExpiryApplied), ...r.failed.map((f) => `failed ${f.subscriptionId}: ${f.error}`)].join('\n'),
    cli: { command: ['subscription', 'tick-renewals'], example: 'bss subscription tick-renewals' },
  }),
  defineOperation({
    name: 'subscription.terminate',
    summary: 'Terminate a line: the number is released (quarantined) and the eSIM recycled',
    description:
      'Ends the line for good (state terminated): the MSISDN goes to quarantine in inventory, the eSIM is released, no further renewal or usage. Irreversible — confirm with the customer first. Returns the terminated subscription. Refusal: subscription.terminate.invalid_state (already terminated). A port-out terminates the line itself (reason ported_out) — use port_request.approve for that.',
    kind: 'delete',
    destructive: true,
    services: ['subscription', 'crm'],
    input: z.object({ subscriptionId: SubscriptionId, reason: subscription.TerminationReason.optional().describe('Why (default customer_requested)') }),
    run: (c, i) => c.subscription.terminate(i.subscriptionId, i.reason ? { reason: i.reason } : {}),
    render: line,
    cli: { command: ['subscription', 'terminate'], positional: ['subscriptionId'], example: 'bss subscription terminate SUB-01JZ8Q3V9KX2M7 --reason customer_requested --allow-destructive' },
  }),
  defineOperation({
    name: 'subscription.schedule_plan_change',
    summary: 'Schedule a plan change that takes effect at the next renewal',
    description:
      'Records newOfferingId with its price snapshotted now; the line pivots to it (allowances and price) at its next renewal. Returns the subscription with pendingOfferingId / pendingOfferingPriceId / pendingEffectiveAt. Not destructive (cancel with subscription.cancel_pending_plan_change). Refusals: subscription.plan_change.not_eligible_state, subscription.plan_change.same_offering, subscription.plan_change.already_pending, subscription.plan_change.target_not_sellable_now, subscription.plan_change.target_no_active_price.',
    kind: 'update',
    destructive: false,
    services: ['subscription', 'catalog'],
    input: z.object({ subscriptionId: SubscriptionId, newOfferingId: OfferingId }),
    run: (c, i) => c.subscription.schedulePlanChange(i.subscriptionId, i.newOfferingId),
    render: line,
    cli: { command: ['subscription', 'schedule-plan-change'], positional: ['subscriptionId'], flags: { newOfferingId: 'to' }, example: 'bss subscription schedule-plan-change SUB-01JZ8Q3V9KX2M7 --to PLAN_L' },
  }),
  defineOperation({
    name: 'subscription.cancel_pending_plan_change',
    summary: 'Cancel a scheduled plan change or price migration (idempotent)',
    description: 'Clears pendingOfferingId / pendingOfferingPriceId / pendingEffectiveAt; the line renews on its current plan and price. Cancelling when nothing is pending returns the line unchanged.',
    kind: 'update',
    destructive: false,
    services: ['subscription'],
    input: z.object({ subscriptionId: SubscriptionId }),
    run: (c, i) => c.subscription.cancelPlanChange(i.subscriptionId),
    render: line,
    cli: { command: ['subscription', 'cancel-plan-change'], positional: ['subscriptionId'], example: 'bss subscription cancel-plan-change SUB-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'subscription.migrate_to_new_price',
    summary: 'Move every live line of an offering to a new price, after a notice period (operator)',
    description:
      'For each live line on offeringId, schedules newPriceId from effectiveFrom + noticeDays (default 30), applied at the line\'s first renewal from then; one notice event per line. Lines with a customer-scheduled plan change keep it (skippedPendingPlanChange). Returns { count, subscriptionIds, skippedPendingPlanChange, effectiveAt }. Each line can still cancel it with subscription.cancel_pending_plan_change. Needs the catalog:admin scope; hidden from the agent (reference §A.4). Refusals: subscription.migrate_price.unknown_price, subscription.migrate_price.price_not_on_offering, subscription.migrate_price.effective_in_past.',
    kind: 'admin',
    destructive: false,
    llmHidden: true,
    services: ['subscription', 'catalog'],
    input: z.object({
      offeringId: OfferingId,
      newPriceId: PriceId,
      effectiveFrom: IsoInstant.max(40),
      noticeDays: z.number().int().min(0).max(365).default(30).describe('Days of notice before the new price applies (default 30)'),
    }),
    run: (c, i) => c.subscription.migratePrice(i),
    render: (r) => `${r.count} line(s) move to the new price from ${r.effectiveAt}\n${ids('lines', r.subscriptionIds)}\n${ids('kept their plan change', r.skippedPendingPlanChange)}`,
    cli: {
      command: ['subscription', 'migrate-price'],
      flags: { offeringId: 'offering', newPriceId: 'price', effectiveFrom: 'from' },
      example: 'bss subscription migrate-price --offering PLAN_M --price PRICE_PLAN_M_2027 --from 2026-07-01T00:00:00Z --notice-days 30',
    },
  }),
];
