// Card-on-file use-cases. Calls to CRM, the subscription service and the tokenizer happen before the
// transaction opens; each write then runs under a per-customer lock in one transaction with its events.
// Default rule: a customer's first active method becomes the default; removing the default promotes the
// newest remaining active method (the one renewals would pick anyway); set-default moves it explicitly.
import type { payment } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { Conflict } from '@bss/policy';
import { toPaymentMethod } from '../domain/payment-method.mapper.ts';
import type { PaymentDeps } from '../deps.ts';
import type { PaymentMethodRow } from '../schema.ts';
import { paymentMethodAdded, paymentMethodDefaultChanged, paymentMethodRemoved, paymentMethodUpdated } from '../events/payment-method.events.ts';
import {
  checkBelowMethodLimit,
  checkCanBeDefault,
  checkCardAccepted,
  checkCardNotExpired,
  checkCustomerActiveOrPending,
  checkCustomerExists,
  checkNotLastWhileSubscribed,
  checkOwnerNamed,
  checkPreferenceNotDropped,
  checkRemovable,
  checkUpdatable,
  checkValidForOrdered,
} from '../policies/payment-method.policies.ts';
import {
  countActivePaymentMethods,
  findDefaultPaymentMethod,
  findNewestOtherActive,
  getPaymentMethod,
  insertPaymentMethod,
  lockCustomerMethods,
  pagePaymentMethods,
  updatePaymentMethod,
  type PaymentMethodFilter,
} from '../repositories/payment-method.repository.ts';

/** A validated add-card request (defaults applied); the TMF670 create body maps onto it (fromBankCard). */
export type AddCardInput = {
  customerId: string;
  cardNumber: string;
  cvv?: string | undefined;
  expMonth: number;
  expYear: number;
  name?: string | undefined;
  description?: string | undefined;
  validFor?: { startDateTime?: string | undefined; endDateTime?: string | undefined } | undefined;
  /** true: becomes the default even if the customer already has one. */
  isPreferred?: boolean | undefined;
};

const instant = (s: string | null | undefined) => (s ? new Date(s) : s === null ? null : undefined);

/** The TMF670 `bankCard` create body as an AddCardInput; the owner is relatedParty.id, else account[0].id. */
export function fromBankCard(body: payment.BankCardCreate): AddCardInput {
  const customerId = body.relatedParty?.id ?? body.account?.[0]?.id;
  checkOwnerNamed(customerId);
  const expiry = new Date(body.expirationDate);
  return {
    customerId,
    cardNumber: body.cardNumber,
    cvv: body.cvv,
    expMonth: expiry.getUTCMonth() + 1,
    expYear: expiry.getUTCFullYear(),
    name: body.name,
    description: body.description,
    validFor: body.validFor,
    isPreferred: body.isPreferred,
  };
}

export type PaymentMethodService = ReturnType<typeof createPaymentMethodService>;

export function createPaymentMethodService(deps: PaymentDeps) {
  const { database, clock, outbox, provider, customers, subscriptions, logger } = deps;
  const view = (row: Parameters<typeof toPaymentMethod>[0]) => toPaymentMethod(row, deps.href);

  async function addCard(input: AddCardInput): Promise<payment.PaymentMethod> {
    const status = await customers.getCustomerStatus(input.customerId);
    checkCustomerExists(status, input.customerId);
    checkCustomerActiveOrPending(status, input.customerId);
    checkCardNotExpired(input.expMonth, input.expYear, clock.now());
    const validFrom = instant(input.validFor?.startDateTime);
    const validTo = instant(input.validFor?.endDateTime);
    checkValidForOrdered('payment_method.add.valid_for_ordered', validFrom, validTo);
    // Cheap pre-check so a full wallet does not cost a provider call; re-checked under the lock below.
    checkBelowMethodLimit(await countActivePaymentMethods(database.db, input.customerId), input.customerId);
    const card = await provider.tokenizer.tokenize({ number: input.cardNumber, cvv: input.cvv ?? '', expMonth: input.expMonth, expYear: input.expYear });
    checkCardAccepted(card);

    const row = await database.db.transaction(async (tx) => {
      await lockCustomerMethods(tx, input.customerId);
      checkBelowMethodLimit(await countActivePaymentMethods(tx, input.customerId), input.customerId);
      const previous = await findDefaultPaymentMethod(tx, input.customerId);
      const now = clock.now();
      // Clear first: the partial unique index allows one default per customer at every statement.
      const takesDefault = previous === undefined || input.isPreferred === true;
      if (previous && takesDefault) await updatePaymentMethod(tx, previous.id, { isDefault: false, updatedAt: now });
      const created = await insertPaymentMethod(tx, {
        customerId: input.customerId,
        type: 'card',
        token: card.token,
        tokenProvider: provider.name,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        isDefault: takesDefault,
        status: 'active',
        name: input.name,
        description: input.description,
        validFrom,
        validTo,
        createdAt: now,
        updatedAt: now,
      });
      await outbox.stage(tx, paymentMethodAdded(created));
      if (previous && takesDefault) await outbox.stage(tx, paymentMethodDefaultChanged(created, previous.id, 'set_default'));
      return created;
    });
    logger.info({ paymentMethodId: row.id, customerId: row.customerId, brand: row.brand, last4: row.last4 }, 'payment method added');
    return view(row);
  }

  async function remove(paymentMethodId: string): Promise<payment.PaymentMethod> {
    const before = await getPaymentMethod(database.db, paymentMethodId, 'payment_method.remove.not_found');
    checkRemovable(before);
    // Ask the subscription service only when this looks like the last card, and before the transaction.
    const lastBefore = (await countActivePaymentMethods(database.db, before.customerId)) <= 1;
    const liveSubscriptionIds = lastBefore ? await subscriptions.listLiveSubscriptionIds(before.customerId) : undefined;

    return database.db.transaction(async (tx) => {
      await lockCustomerMethods(tx, before.customerId);
      const method = await getPaymentMethod(tx, paymentMethodId, 'payment_method.remove.not_found');
      checkRemovable(method);
      const activeCount = await countActivePaymentMethods(tx, method.customerId);
      if (activeCount <= 1 && liveSubscriptionIds === undefined) {
        // Another card was removed concurrently, so this became the last one unchecked: let the caller retry.
        throw new Conflict('payment_method.remove.concurrent_change', 'the customer\'s payment methods changed concurrently; retry', {
          paymentMethodId,
        });
      }
      checkNotLastWhileSubscribed(method, activeCount, liveSubscriptionIds ?? []);
      const now = clock.now();
      const removed = await updatePaymentMethod(tx, method.id, { status: 'removed', isDefault: false, removedAt: now, updatedAt: now });
      const candidate = method.isDefault ? await findNewestOtherActive(tx, method.customerId, method.id) : undefined;
      const promoted = candidate ? await updatePaymentMethod(tx, candidate.id, { isDefault: true, updatedAt: now }) : undefined;
      await outbox.stage(tx, paymentMethodRemoved(removed, promoted?.id ?? null));
      if (promoted) await outbox.stage(tx, paymentMethodDefaultChanged(promoted, method.id, 'promoted_on_remove'));
      return view(removed);
    });
  }

  async function setDefault(paymentMethodId: string): Promise<payment.PaymentMethod> {
    const before = await getPaymentMethod(database.db, paymentMethodId, 'payment_method.set_default.not_found');
    return database.db.transaction(async (tx) => {
      await lockCustomerMethods(tx, before.customerId);
      const method = await getPaymentMethod(tx, paymentMethodId, 'payment_method.set_default.not_found');
      checkCanBeDefault(method);
      return view(await makeDefault(tx, method));
    });
  }

  /** Moves the customer's default to `method` (already checked active), under the customer lock. */
  async function makeDefault(tx: Tx, method: PaymentMethodRow): Promise<PaymentMethodRow> {
    if (method.isDefault) return method;
    const now = clock.now();
    const previous = await findDefaultPaymentMethod(tx, method.customerId);
    // Clear first: the partial unique index allows one default per customer at every statement.
    if (previous) await updatePaymentMethod(tx, previous.id, { isDefault: false, updatedAt: now });
    const updated = await updatePaymentMethod(tx, method.id, { isDefault: true, updatedAt: now });
    await outbox.stage(tx, paymentMethodDefaultChanged(updated, previous?.id ?? null, 'set_default'));
    return updated;
  }

  /**
   * JSON merge-patch of the descriptive attributes; `isPreferred: true` moves the default (as setDefault does).
   * `validFor` replaces the period as a whole (TMF merge-patch of a nested object would merge; ours is two
   * columns, so a partial period keeps the other bound).
   */
  async function update(paymentMethodId: string, patch: payment.PaymentMethodPatch): Promise<payment.PaymentMethod> {
    const before = await getPaymentMethod(database.db, paymentMethodId);
    return database.db.transaction(async (tx) => {
      await lockCustomerMethods(tx, before.customerId);
      let method = await getPaymentMethod(tx, paymentMethodId);
      checkUpdatable(method);
      checkPreferenceNotDropped(method, patch.isPreferred);
      const changes: Parameters<typeof updatePaymentMethod>[2] = { updatedAt: clock.now() };
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.description !== undefined) changes.description = patch.description;
      if (patch.validFor !== undefined) {
        changes.validFrom = patch.validFor === null ? null : (instant(patch.validFor.startDateTime) ?? method.validFrom);
        changes.validTo = patch.validFor === null ? null : (instant(patch.validFor.endDateTime) ?? method.validTo);
        checkValidForOrdered('payment_method.update.valid_for_ordered', changes.validFrom, changes.validTo);
      }
      const changed = Object.keys(changes).filter((k) => k !== 'updatedAt');
      if (changed.length > 0) {
        method = await updatePaymentMethod(tx, method.id, changes);
        await outbox.stage(tx, paymentMethodUpdated(method, changed));
      }
      if (patch.isPreferred === true) method = await makeDefault(tx, method);
      return view(method);
    });
  }

  return {
    addCard,
    remove,
    setDefault,
    update,
    list: async (filter: PaymentMethodFilter, page: { offset: number; limit: number }) => {
      const { rows, total } = await pagePaymentMethods(database.db, filter, page);
      return { items: rows.map(view), total };
    },
    get: async (paymentMethodId: string) => view(await getPaymentMethod(database.db, paymentMethodId)),
  };
}
