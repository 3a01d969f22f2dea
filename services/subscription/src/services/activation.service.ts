// Activating a line: the one use-case behind both the `service_order.completed` consumer and the operator
// create. It runs inside the caller's transaction (the consumer's, which also holds the inbox row, or the
// route's) and, in this order:
//   1. locks the order's activation and looks its recorded outcome up — a redelivered or concurrent delivery
//      waits here for the first and then finds it (nothing charged, nothing emitted again);
//   2. checks the policies on what CRM, catalog and inventory say now (reads only);
//   3. charges the card with the idempotency key `activation:<orderId>` — a retry replays the first attempt;
//   4. only after an approved charge, writes inventory (assign the number, bind the profile) with keys derived
//      from the same order id, and reads the eSIM activation code;
//   5. inserts the subscription `pending` → `active` (history rows), its balances and the outcome, and stages
//      `subscription.activated` — all committed together by the caller.
// A policy refusal or a declined/errored charge is an answer, not a failure: no subscription row, the outcome
// is recorded as declined. Transport failures (503, timeout, a charge still in flight) throw and the caller
// retries; every call it repeats is keyed, and the subscription id is derived from the order, so a retry
// after a failed commit replays the same charge and inventory writes instead of making new ones.
import { ConflictError, NotFoundError } from '@bss/clients';
import type { catalog, inventory } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { DownstreamUnavailable, PolicyViolation } from '@bss/policy';
import { currentContext } from '@bss/telemetry';
import type { SubscriptionDeps } from '../deps.ts';
import { activeRecurringPrice, allowancesOf } from '../domain/allowances.ts';
import { subscriptionIdForOrder } from '../domain/ids.ts';
import { monthlyPeriodEnd } from '../domain/period.ts';
import { subscriptionStateMachine } from '../domain/subscription.state.ts';
import { activationDeclined, subscriptionActivated } from '../events/subscription.events.ts';
import { checkActivePrice, checkCustomerActivatable, checkMsisdnAndEsimReserved, checkOfferingExists } from '../policies/activation.policies.ts';
import { findActivation, insertActivation, lockOrderActivation } from '../repositories/activation.repository.ts';
import { recordCharge } from '../repositories/charge.repository.ts';
import { insertBalances, insertHistory, insertSubscription, updateSubscription } from '../repositories/subscription.repository.ts';
import { currentTenant } from '../repositories/tenant.ts';
import type { ActivationRow, SubscriptionRow } from '../schema.ts';

/** What an activation needs; `orderId` is the commercial order and the idempotency of the whole use-case. */
export interface ActivationInput {
  orderId: string;
  customerId: string;
  offeringId: string;
  msisdn: string;
  iccid: string;
  paymentMethodId: string;
  /** The price the order was placed at; without it the offering's active recurring price is charged. */
  priceSnapshot?: { priceId: string; amount: string; currency: string } | undefined;
  /** Set by the pipeline: SOM's service order and its CFS (a declined activation names the service order). */
  serviceOrderId?: string | undefined;
  cfsServiceId?: string | undefined;
}

export type ActivationResult =
  | { outcome: 'activated'; subscriptionId: string; replayed: boolean }
  | { outcome: 'declined'; activation: ActivationRow | undefined; refusal: PolicyViolation; replayed: boolean };

/** The rule a declined or errored activation charge is reported under. */
export const PAYMENT_RULE = 'subscription.create.requires_payment_success';

const chargeKey = (orderId: string) => `activation:${orderId}`;

/** Options of one activation: `recordDecline` keeps a declined outcome (the consumer) and stages its event. */
interface ActivateOptions {
  recordDecline: boolean;
}

export function createActivation(deps: SubscriptionDeps) {
  const { clock, outbox, customers, inventory, payment } = deps;

  async function findOffering(offeringId: string): Promise<catalog.ProductOffering | undefined> {
    try {
      return await deps.catalog.getOffering(offeringId);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
    try {
      return await read;
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /**
   * Steps 2–3: the policies and the charge. Returns the approved payment and what to build, or throws a refusal.
   * The four reads are independent, so they go out at once (one round trip instead of three in a row, on the
   * order's critical path); the checks still run in their order, and a read's error surfaces only where its value
   * is needed, so the outcome is the one the reads made one by one would give.
   */
  async function checkAndCharge(input: ActivationInput, subscriptionId: string) {
    const [status, offeringRead, numberRead, esimRead] = await Promise.allSettled([
      customers.getCustomerStatus(input.customerId),
      findOffering(input.offeringId),
      orUndefined(inventory.getMsisdn(input.msisdn)),
      orUndefined(inventory.getEsim(input.iccid)),
    ]);
    checkCustomerActivatable(valueOf(status), input.customerId);
    const offering = valueOf(offeringRead);
    checkOfferingExists(offering, input.offeringId);
    const price = input.priceSnapshot ?? activeRecurringPrice(offering, clock.now());
    checkActivePrice(price, input.offeringId);
    const [number, esim] = [valueOf(numberRead), valueOf(esimRead)];
    checkMsisdnAndEsimReserved(number, esim, { msisdn: input.msisdn, iccid: input.iccid, subscriptionId, customerId: input.customerId });
    let charged;
    try {
      charged = await payment.charge({
        customerId: input.customerId,
        paymentMethodId: input.paymentMethodId,
        amount: price.amount,
        currency: price.currency,
        purpose: 'activation',
        idempotencyKey: chargeKey(input.orderId),
      });
    } catch (err) {
      // The first attempt with this key is still at the gateway: its verdict will be there on the retry.
      if (err instanceof ConflictError) throw new DownstreamUnavailable('payment.charge.in_progress', 'the activation charge is still in progress', { orderId: input.orderId });
      // A refused charge (unknown or removed card, another customer's card) is a permanent answer.
      if (err instanceof NotFoundError) throw new PolicyViolation(PAYMENT_RULE, err.message, { paymentMethodId: input.paymentMethodId, underlying: err.reason });
      throw err;
    }
    if (charged.status !== 'approved') {
      throw Object.assign(
        new PolicyViolation(PAYMENT_RULE, `the activation charge was ${charged.status}`, { paymentId: charged.id, paymentStatus: charged.status }),
        { paymentId: charged.id, declineCode: charged.status },
      );
    }
    return { offering, price, paymentId: charged.id };
  }

  /**
   * Step 4: inventory writes, keyed by the order (number first, then the profile), and the activation code the
   * eSIM view keeps. The code is read beside the writes: it only changes when a profile is released or
   * recycled, never by an assignment, and a failed read throws like a failed write (the retry replays both).
   */
  async function bindInventory(input: ActivationInput, subscriptionId: string): Promise<inventory.EsimActivation> {
    const key = chargeKey(input.orderId);
    const [writes, activation] = await Promise.allSettled([
      (async () => {
        await inventory.assignMsisdn(input.msisdn, { subscriptionId, customerId: input.customerId, idempotencyKey: `${key}:msisdn` });
        await inventory.assignEsimMsisdn(input.iccid, { msisdn: input.msisdn, subscriptionId, customerId: input.customerId, idempotencyKey: `${key}:esim` });
      })(),
      inventory.getEsimActivation(input.iccid),
    ]);
    valueOf(writes);
    return valueOf(activation);
  }

  /** Step 5: the subscription, pending → active in this transaction, with balances and history. */
  async function insertActive(
    tx: Tx,
    input: ActivationInput,
    subscriptionId: string,
    built: { offering: catalog.ProductOffering; price: { priceId: string; amount: string; currency: string }; paymentId: string },
    esim: inventory.EsimActivation,
  ): Promise<SubscriptionRow> {
    const now = clock.now();
    const period = { start: now, end: monthlyPeriodEnd(now) };
    const changedBy = currentContext().actor;
    const pending = await insertSubscription(tx, {
      id: subscriptionId,
      customerId: input.customerId,
      offeringId: input.offeringId,
      commercialOrderId: input.orderId,
      serviceOrderId: input.serviceOrderId ?? null,
      cfsServiceId: input.cfsServiceId ?? null,
      msisdn: input.msisdn,
      iccid: input.iccid,
      state: 'pending',
      priceAmount: built.price.amount,
      priceCurrency: built.price.currency,
      priceOfferingPriceId: built.price.priceId,
      paymentMethodId: input.paymentMethodId,
      activationPaymentId: built.paymentId,
      esimActivationCode: esim.activationCode,
      esimSmdpServer: esim.smdpServer,
      esimMatchingId: esim.matchingId,
      createdAt: now,
      updatedAt: now,
    });
    await insertHistory(tx, { subscriptionId, fromState: null, toState: 'pending', trigger: 'create', reason: 'activation_requested', changedBy, occurredAt: now });
    const state = subscriptionStateMachine.transition(pending.state, 'activate', { subscriptionId });
    const active = await updateSubscription(tx, subscriptionId, {
      state,
      stateReason: 'activation_payment_approved',
      activatedAt: now,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      nextRenewalAt: period.end,
      updatedAt: now,
    });
    await insertHistory(tx, { subscriptionId, fromState: 'pending', toState: state, trigger: 'activate', reason: 'activation_payment_approved', changedBy, occurredAt: now });
    await insertBalances(tx, subscriptionId, allowancesOf(built.offering), period, now);
    return active;
  }

  /** Activates `input` inside `tx` (steps in the header). Throws only transient or unexpected failures. */
  async function activate(tx: Tx, input: ActivationInput, opts: ActivateOptions): Promise<ActivationResult> {
    const subscriptionId = subscriptionIdForOrder(currentTenant(), input.orderId);
    await lockOrderActivation(tx, input.orderId);
    const prior = await findActivation(tx, input.orderId);
    if (prior) return replayOf(prior);

    let built;
    try {
      built = await checkAndCharge(input, subscriptionId);
    } catch (err) {
      if (!(err instanceof PolicyViolation)) throw err;
      const declined = err as PolicyViolation & { paymentId?: string; declineCode?: string };
      let activation: ActivationRow | undefined;
      if (opts.recordDecline) {
        activation = await insertActivation(tx, {
          orderId: input.orderId,
          outcome: 'declined',
          customerId: input.customerId,
          offeringId: input.offeringId,
          paymentId: declined.paymentId ?? null,
          reason: declined.rule,
          declineCode: declined.declineCode ?? null,
          recordedAt: clock.now(),
        });
        if (input.serviceOrderId) await outbox.stage(tx, activationDeclined(activation, input.serviceOrderId));
      }
      return { outcome: 'declined', activation, refusal: declined, replayed: false };
    }

    const esim = await bindInventory(input, subscriptionId);
    const active = await insertActive(tx, input, subscriptionId, built, esim);
    await insertActivation(tx, {
      orderId: input.orderId,
      outcome: 'activated',
      customerId: input.customerId,
      offeringId: input.offeringId,
      subscriptionId,
      paymentId: built.paymentId,
      recordedAt: clock.now(),
    });
    await recordCharge(tx, {
      subscriptionId,
      customerId: input.customerId,
      kind: 'activation',
      paymentId: built.paymentId,
      amount: built.price.amount,
      currency: built.price.currency,
      offeringId: input.offeringId,
      description: `${built.offering.name ?? input.offeringId} — first period`,
      periodStart: active.currentPeriodStart,
      periodEnd: active.currentPeriodEnd,
      chargedAt: clock.now(),
    });
    await outbox.stage(tx, subscriptionActivated(active, input.orderId, built.paymentId));
    return { outcome: 'activated', subscriptionId, replayed: false };
  }

  return { activate };
}

/** The value of a read made in parallel, or its error, thrown where the value is needed. */
function valueOf<T>(read: PromiseSettledResult<T>): T {
  if (read.status === 'rejected') throw read.reason;
  return read.value;
}

/** The recorded outcome of an order handled before. */
function replayOf(prior: ActivationRow): ActivationResult {
  if (prior.outcome === 'activated') return { outcome: 'activated', subscriptionId: prior.subscriptionId!, replayed: true };
  const refusal = new PolicyViolation(prior.reason ?? PAYMENT_RULE, `the activation of order ${prior.orderId} was declined`, {
    orderId: prior.orderId,
    paymentId: prior.paymentId,
  });
  return { outcome: 'declined', activation: prior, refusal, replayed: true };
}

export type Activation = ReturnType<typeof createActivation>;
