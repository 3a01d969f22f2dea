// The subscription API's use-cases: the operator create (the activation use-case in its own transaction) and the
// reads (no policies; each one round trip, balances included).
import type { subscription as c } from '@bss/contracts';
import { NotFound } from '@bss/policy';
import type { SubscriptionDeps } from '../deps.ts';
import { atNow, toBalance, toEsimView, toSubscription, toVasPurchase } from '../domain/subscription.mapper.ts';
import { findByMsisdn, findSubscriptionRow, getSubscription, listByCustomer } from '../repositories/subscription.repository.ts';
import { createActivation } from './activation.service.ts';
import { createPlanChange, type MigrationInput } from './plan-change.service.ts';
import { createRenewal } from './renewal.service.ts';
import { createTermination } from './terminate.service.ts';
import { createVasPurchase, type VasPurchaseInput } from './vas.service.ts';

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;

export function createSubscriptionService(deps: SubscriptionDeps) {
  const { database } = deps;
  const activation = createActivation(deps);
  const vas = createVasPurchase(deps);
  const renewal = createRenewal(deps);
  const termination = createTermination(deps);
  const planChange = createPlanChange(deps);
  const view = (row: Parameters<typeof toSubscription>[0]) => toSubscription(row, deps.href, deps.clock.now());

  /**
   * Operator create, idempotent on the commercial order: the order's subscription is returned again. A refusal
   * or a declined charge answers 422 and records nothing here (the payment service keeps the declined attempt,
   * which a retry with the same order replays; the reserved number and profile return to the pools when their
   * reservation expires).
   */
  async function create(body: c.CreateSubscriptionRequest): Promise<{ subscription: c.Subscription; replayed: boolean }> {
    const result = await database.db.transaction(async (tx) => {
      const r = await activation.activate(tx, { ...body, orderId: body.commercialOrderId }, { recordDecline: false });
      if (r.outcome === 'declined') return r;
      return { ...r, row: await getSubscription(tx, r.subscriptionId) };
    });
    if (result.outcome === 'declined') throw result.refusal;
    return { subscription: view(result.row), replayed: result.replayed };
  }

  async function get(id: string): Promise<c.Subscription> {
    return view(await getSubscription(database.db, id));
  }

  async function listForCustomer(customerId: string): Promise<c.Subscription[]> {
    return (await listByCustomer(database.db, customerId)).map(view);
  }

  async function getByMsisdn(msisdn: string): Promise<c.Subscription> {
    const row = await findByMsisdn(database.db, msisdn);
    if (!row) throw new NotFound('subscription', msisdn, { msisdn }, { message: `no subscription holds MSISDN ${msisdn}` });
    return view(row);
  }

  async function balances(id: string): Promise<c.BundleBalance[]> {
    const row = await getSubscription(database.db, id);
    const now = deps.clock.now();
    return row.balances.map((b) => toBalance(row.id, atNow(b, row.expiringTopUps ?? [], now), now));
  }

  async function esim(id: string): Promise<c.SubscriptionEsim> {
    const row = await findSubscriptionRow(database.db, id);
    if (!row) throw new NotFound('subscription', id);
    return toEsimView(row);
  }

  /** A VAS top-up in its own transaction (the line locked throughout); a replayed key answers the first purchase. */
  async function purchaseVas(id: string, input: VasPurchaseInput): Promise<{ purchase: c.VasPurchase; replayed: boolean }> {
    return database.db.transaction(async (tx) => {
      const { purchase, replayed } = await vas.purchase(tx, id, input);
      const row = await getSubscription(tx, id);
      return { purchase: toVasPurchase(purchase, view(row)), replayed };
    });
  }

  /** A manual renewal in its own transaction; a declined charge commits the block and answers `declined`. */
  async function renew(id: string): Promise<c.RenewalResult> {
    return database.db.transaction(async (tx) => {
      const r = await renewal.renew(tx, id, 'manual');
      return { outcome: r.outcome, paymentId: r.paymentId, paymentStatus: r.paymentStatus, subscription: view(await getSubscription(tx, id)) };
    });
  }

  /** Terminates the line in its own transaction (number released, eSIM returned). */
  async function terminate(id: string, body: c.TerminateRequest): Promise<c.Subscription> {
    return database.db.transaction(async (tx) => {
      await termination.terminate(tx, id, { reason: body.reason ?? 'customer_requested', releaseInventory: true });
      return view(await getSubscription(tx, id));
    });
  }

  const inTx = <T>(fn: (tx: Parameters<Parameters<typeof database.db.transaction>[0]>[0]) => Promise<T>) => database.db.transaction(fn);

  async function schedulePlanChange(id: string, newOfferingId: string): Promise<c.Subscription> {
    return inTx(async (tx) => {
      await planChange.schedule(tx, id, newOfferingId);
      return view(await getSubscription(tx, id));
    });
  }

  async function cancelPlanChange(id: string): Promise<c.Subscription> {
    return inTx(async (tx) => {
      await planChange.cancel(tx, id);
      return view(await getSubscription(tx, id));
    });
  }

  const migratePrice = (input: MigrationInput): Promise<c.PriceMigrationResult> => inTx((tx) => planChange.migrate(tx, input));

  return { create, get, listForCustomer, getByMsisdn, balances, esim, purchaseVas, renew, terminate, schedulePlanChange, cancelPlanChange, migratePrice };
}
