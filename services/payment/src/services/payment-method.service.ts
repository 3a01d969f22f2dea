// Card-on-file use-cases. Calls to CRM, the subscription service and the tokenizer happen before the
// transaction opens; each write then runs under a per-customer lock in one transaction with its events.
// Default rule: a customer's first active method becomes the default; removing the default promotes the
// newest remaining active method (the one renewals would pick anyway); set-default moves it explicitly.
import type { payment } from '@bss/contracts';
import { Conflict } from '@bss/policy';
import { toPaymentMethod } from '../domain/payment-method.mapper.ts';
import type { PaymentDeps } from '../deps.ts';
import { paymentMethodAdded, paymentMethodDefaultChanged, paymentMethodRemoved } from '../events/payment-method.events.ts';
import {
  checkBelowMethodLimit,
  checkCanBeDefault,
  checkCardAccepted,
  checkCardNotExpired,
  checkCustomerActiveOrPending,
  checkCustomerExists,
  checkNotLastWhileSubscribed,
  checkRemovable,
} from '../policies/payment-method.policies.ts';
import {
  countActivePaymentMethods,
  findDefaultPaymentMethod,
  findNewestOtherActive,
  getPaymentMethod,
  insertPaymentMethod,
  listActivePaymentMethods,
  lockCustomerMethods,
  updatePaymentMethod,
} from '../repositories/payment-method.repository.ts';

/** A validated add-card request (defaults applied). */
export type AddCardInput = { customerId: string; type: 'card'; cardNumber: string; cvv: string; expMonth: number; expYear: number };

export type PaymentMethodService = ReturnType<typeof createPaymentMethodService>;

export function createPaymentMethodService(deps: PaymentDeps) {
  const { database, clock, outbox, provider, customers, subscriptions, logger } = deps;
  const view = (row: Parameters<typeof toPaymentMethod>[0]) => toPaymentMethod(row, deps.href);

  async function addCard(input: AddCardInput): Promise<payment.PaymentMethod> {
    const status = await customers.getCustomerStatus(input.customerId);
    checkCustomerExists(status, input.customerId);
    checkCustomerActiveOrPending(status, input.customerId);
    checkCardNotExpired(input.expMonth, input.expYear, clock.now());
    // Cheap pre-check so a full wallet does not cost a provider call; re-checked under the lock below.
    checkBelowMethodLimit(await countActivePaymentMethods(database.db, input.customerId), input.customerId);
    const card = await provider.tokenizer.tokenize({ number: input.cardNumber, cvv: input.cvv, expMonth: input.expMonth, expYear: input.expYear });
    checkCardAccepted(card);

    const row = await database.db.transaction(async (tx) => {
      await lockCustomerMethods(tx, input.customerId);
      checkBelowMethodLimit(await countActivePaymentMethods(tx, input.customerId), input.customerId);
      const hasDefault = (await findDefaultPaymentMethod(tx, input.customerId)) !== undefined;
      const now = clock.now();
      const created = await insertPaymentMethod(tx, {
        customerId: input.customerId,
        type: 'card',
        token: card.token,
        tokenProvider: provider.name,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        isDefault: !hasDefault,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      await outbox.stage(tx, paymentMethodAdded(created));
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
      if (method.isDefault) return view(method);
      const now = clock.now();
      const previous = await findDefaultPaymentMethod(tx, method.customerId);
      // Clear first: the partial unique index allows one default per customer at every statement.
      if (previous) await updatePaymentMethod(tx, previous.id, { isDefault: false, updatedAt: now });
      const updated = await updatePaymentMethod(tx, method.id, { isDefault: true, updatedAt: now });
      await outbox.stage(tx, paymentMethodDefaultChanged(updated, previous?.id ?? null, 'set_default'));
      return view(updated);
    });
  }

  return {
    addCard,
    remove,
    setDefault,
    get: async (paymentMethodId: string) => view(await getPaymentMethod(database.db, paymentMethodId)),
    listActive: async (customerId: string) => (await listActivePaymentMethods(database.db, customerId)).map(view),
  };
}
