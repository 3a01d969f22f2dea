// Order use-cases: create (acknowledged; fulfilment waits), submit (→ in_progress: SOM starts on
// order.in_progress), cancel (free while acknowledged, through the SOM gate while in progress), and the
// TMF622 PATCH of descriptive attributes. Each write is one transaction; lookups over HTTP (CRM, catalog,
// payment, SOM) happen before it, never while a row is locked.
import { mintId, type com } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { PolicyViolation } from '@bss/policy';
import { currentContext } from '@bss/telemetry';
import type { SomCancelVerdict } from '../adapters/som-gate.ts';
import type { ComDeps } from '../deps.ts';
import { orderMachine, type OrderState, type OrderTrigger } from '../domain/order.state.ts';
import { orderEvents, orderUpdated } from '../events/order.events.ts';
import {
  checkCustomerFound,
  checkCustomerNotClosed,
  checkCustomerOrderable,
  checkHasPaymentMethod,
  checkOfferingSellable,
  checkPatchable,
  checkSomAllowsCancel,
} from '../policies/order.policies.ts';
import { insertCancelRequest } from '../repositories/cancel-request.repository.ts';
import { getOrder, getOrderForUpdate, insertHistory, insertOrder, updateOrder, type ItemChanges, type OrderChanges } from '../repositories/order.repository.ts';
import type { CancelRequestRow, OrderWithItem } from '../schema.ts';
import type { OrderInput } from './order-input.ts';

/** Moves a locked order along `trigger` (order.transition.invalid otherwise), records history, returns the updated rows. */
export async function transitionOrder(
  tx: Tx,
  deps: Pick<ComDeps, 'clock'>,
  current: OrderWithItem,
  trigger: OrderTrigger,
  changes: Omit<OrderChanges, 'state' | 'updatedAt'> = {},
  item: Omit<ItemChanges, 'state'> = {},
  reason: string | null = null,
): Promise<OrderWithItem> {
  const from = current.order.state;
  const to = orderMachine.transition(from, trigger, { orderId: current.order.id });
  const now = deps.clock.now();
  const updated = await updateOrder(tx, current.order.id, { ...changes, state: to, updatedAt: now }, { ...item, state: to });
  await insertHistory(tx, { orderId: current.order.id, fromState: from, toState: to, trigger, changedBy: currentContext().actor, reason, eventTime: now });
  return updated;
}

/** How a cancellation came in: the /com-api shortcut or a TMF622 CancelProductOrder (which is kept). */
export interface CancelInput {
  reason: string | null;
  tmfRequest?: { requestedCancellationDate: Date | null };
}

export function createOrderService(deps: ComDeps) {
  const { database, clock, outbox } = deps;

  async function create(input: OrderInput): Promise<OrderWithItem> {
    const now = clock.now();
    // The three lookups are independent reads: ask them together, judge them in a fixed order.
    const [standing, quote, paymentMethodId] = await Promise.all([
      deps.customers.getStanding(input.customerId),
      deps.offerings.quote(input.offeringId, now),
      deps.paymentMethods.chooseFor(input.customerId),
    ]);
    checkCustomerFound(standing, input.customerId);
    checkCustomerNotClosed(standing, input.customerId);
    checkCustomerOrderable(standing, input.customerId);
    const price = checkOfferingSellable(quote, input.offeringId);
    checkHasPaymentMethod(paymentMethodId, input.customerId);
    return database.db.transaction(async (tx) => {
      const orderId = mintId('ORD');
      const created = await insertOrder(
        tx,
        {
          id: orderId,
          customerId: input.customerId,
          state: 'acknowledged',
          orderDate: now,
          paymentMethodId,
          msisdnPreference: input.msisdnPreference,
          description: input.description,
          externalId: input.externalId,
          category: input.category,
          note: input.notes,
          createdAt: now,
          updatedAt: now,
        },
        {
          id: mintId('OI'),
          orderId,
          action: 'add',
          offeringId: input.offeringId,
          state: 'acknowledged',
          priceId: price.priceId,
          priceAmount: price.amount,
          priceCurrency: price.currency,
          createdAt: now,
          updatedAt: now,
        },
      );
      await insertHistory(tx, { orderId, fromState: null, toState: 'acknowledged', trigger: 'create', changedBy: currentContext().actor, reason: 'order created', eventTime: now });
      await outbox.stage(tx, orderEvents.acknowledged(created));
      return created;
    });
  }

  async function submit(orderId: string): Promise<OrderWithItem> {
    return database.db.transaction(async (tx) => {
      const current = await getOrderForUpdate(tx, orderId);
      const submitted = await transitionOrder(tx, deps, current, 'submit', { submittedAt: clock.now() }, {}, 'order submitted');
      await outbox.stage(tx, orderEvents.inProgress(submitted));
      return submitted;
    });
  }

  /**
   * Cancels under the row lock. An in-progress order needs SOM's word first, asked outside any transaction;
   * if the order was submitted between our look and our lock, the lock sees in_progress and we ask SOM then.
   * The state only moves forward, so this runs at most twice.
   */
  async function cancel(orderId: string, input: CancelInput): Promise<{ order: OrderWithItem; request: CancelRequestRow | undefined }> {
    let verdict: SomCancelVerdict | undefined;
    for (;;) {
      const done = await database.db.transaction(async (tx) => {
        const current = await getOrderForUpdate(tx, orderId);
        const previousState: OrderState = current.order.state;
        orderMachine.transition(previousState, 'cancel', { orderId });
        if (previousState === 'in_progress' && !verdict) return undefined;
        const now = clock.now();
        const cancelled = await transitionOrder(
          tx,
          deps,
          current,
          'cancel',
          { cancellationDate: now, cancellationReason: input.reason, ...(verdict?.serviceOrderId ? { serviceOrderId: verdict.serviceOrderId } : {}) },
          {},
          input.reason ?? 'order cancelled',
        );
        const request = input.tmfRequest
          ? await insertCancelRequest(tx, {
              id: mintId('CPO'),
              orderId,
              state: 'done',
              cancellationReason: input.reason,
              requestedCancellationDate: input.tmfRequest.requestedCancellationDate,
              effectiveCancellationDate: now,
              createdAt: now,
            })
          : undefined;
        await outbox.stage(tx, orderEvents.cancelled(cancelled, previousState));
        return { order: cancelled, request };
      });
      if (done) return done;
      verdict = await deps.som.cancel(orderId);
      checkSomAllowsCancel(verdict, orderId);
    }
  }

  async function patch(orderId: string, body: com.ProductOrderPatch): Promise<OrderWithItem> {
    return database.db.transaction(async (tx) => {
      const current = await getOrderForUpdate(tx, orderId);
      checkPatchable(body, orderId);
      const changes: Omit<OrderChanges, 'updatedAt'> = {};
      if (body.description !== undefined) changes.description = body.description;
      if (body.externalId !== undefined) changes.externalId = body.externalId;
      if (body.category !== undefined) changes.category = body.category;
      if (body.note !== undefined) changes.note = body.note.map((n) => ({ text: n.text, ...(n.author ? { author: n.author } : {}), ...(n.date ? { date: n.date } : {}), ...(n.id ? { id: n.id } : {}) }));
      const changed = Object.keys(changes);
      if (changed.length === 0) return current;
      const updated = await updateOrder(tx, orderId, { ...changes, updatedAt: clock.now() });
      await outbox.stage(tx, orderUpdated(updated, changed));
      return updated;
    });
  }

  /** Orders are the commercial record: DELETE is refused (cancel instead); unknown ids are still a 404. */
  async function remove(orderId: string): Promise<never> {
    const current = await getOrder(database.db, orderId);
    throw new PolicyViolation('order.delete.not_allowed', `order ${orderId} cannot be deleted; cancel it through cancelProductOrder instead`, {
      orderId,
      state: current.order.state,
    });
  }

  return { create, submit, cancel, patch, remove };
}
export type OrderService = ReturnType<typeof createOrderService>;
