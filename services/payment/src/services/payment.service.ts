// Charge use-cases. Idempotency is "insert first": a short transaction claims the key by inserting a
// `pending` attempt (the unique index lets exactly one request win), the single gateway call runs outside
// any transaction, and a second transaction records the final verdict with its event. A duplicate key
// returns the first attempt (waiting for it if still in flight) and never reaches the gateway.
// No retries and no partial amounts: one gateway call per attempt, approved or declined in full.
import type { payment } from '@bss/contracts';
import { Conflict } from '@bss/policy';
import type { GatewayResult } from '../adapters/provider.ts';
import { normalizeAmount } from '../domain/money.ts';
import { paymentAttemptMachine, triggerFor } from '../domain/payment-attempt.state.ts';
import { toPayment } from '../domain/payment.mapper.ts';
import type { PaymentDeps } from '../deps.ts';
import { paymentCompleted } from '../events/payment.events.ts';
import {
  checkCustomerMatchesMethod,
  checkMethodActive,
  checkMethodExists,
  checkPositiveAmount,
  checkKeyOfThisTenant,
  checkSameChargeForKey,
  checkTokenProviderMatchesActive,
} from '../policies/payment.policies.ts';
import {
  completeAttempt,
  countPaymentAttempts,
  findAttemptByIdempotencyKey,
  getPaymentAttempt,
  insertPendingAttempt,
  listPaymentAttempts,
} from '../repositories/payment-attempt.repository.ts';
import { findPaymentMethod } from '../repositories/payment-method.repository.ts';
import { currentTenant } from '../repositories/tenant.ts';
import type { PaymentAttemptRow } from '../schema.ts';

/** A validated charge request (currency defaulted). */
export type ChargeInput = {
  customerId: string;
  paymentMethodId: string;
  amount: string;
  currency: string;
  purpose: 'activation' | 'renewal' | 'vas';
  idempotencyKey: string;
};

const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type PaymentService = ReturnType<typeof createPaymentService>;

export function createPaymentService(deps: PaymentDeps) {
  const { database, clock, outbox, provider, logger } = deps;
  const view = (row: PaymentAttemptRow) => toPayment(row, deps.href);

  /** Waits for an in-flight attempt (same key, other request) to reach its final state. */
  async function awaitFinal(row: PaymentAttemptRow): Promise<PaymentAttemptRow> {
    let current = row;
    for (let waited = 0; current.status === 'pending'; waited += POLL_MS) {
      if (waited >= deps.idempotencyWaitMs) {
        throw new Conflict('payment.charge.in_progress', `payment ${row.id} with this idempotency key is still in progress; retry later`, {
          paymentId: row.id,
          idempotencyKey: row.idempotencyKey,
        });
      }
      await sleep(POLL_MS);
      current = await getPaymentAttempt(database.db, row.id);
    }
    return current;
  }

  async function callGateway(row: PaymentAttemptRow, token: string): Promise<GatewayResult> {
    try {
      return await provider.gateway.charge({
        token,
        amount: row.amount,
        currency: row.currency,
        idempotencyKey: row.idempotencyKey,
        customerId: row.customerId,
      });
    } catch (err) {
      // A transport failure is a final `errored` attempt; the service never retries on its own.
      logger.error({ paymentId: row.id, error: (err as Error).message }, 'payment gateway call failed');
      return { status: 'errored', gatewayRef: null, declineCode: 'gateway_unavailable', declineReason: 'the payment gateway could not be reached' };
    }
  }

  /** Charges once per idempotency key; `replayed` tells whether an earlier attempt was returned. */
  async function charge(input: ChargeInput): Promise<{ payment: payment.Payment; replayed: boolean }> {
    type Claim = { existing: PaymentAttemptRow } | { claimed: PaymentAttemptRow; token: string };
    const claim = await database.db.transaction(async (tx): Promise<Claim> => {
      const existing = await findAttemptByIdempotencyKey(tx, input.idempotencyKey);
      if (existing) return { existing };
      const method = await findPaymentMethod(tx, input.paymentMethodId);
      checkMethodExists(method, input.paymentMethodId);
      checkMethodActive(method);
      checkPositiveAmount(input.amount);
      checkCustomerMatchesMethod(input.customerId, method);
      checkTokenProviderMatchesActive(method, provider.name);
      const now = clock.now();
      const claimed = await insertPendingAttempt(tx, {
        customerId: input.customerId,
        paymentMethodId: method.id,
        amount: normalizeAmount(input.amount),
        currency: input.currency,
        purpose: input.purpose,
        idempotencyKey: input.idempotencyKey,
        attemptedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      if (!claimed) return { existing: (await findAttemptByIdempotencyKey(tx, input.idempotencyKey))! };
      return { claimed, token: method.token };
    });

    if ('existing' in claim) {
      checkKeyOfThisTenant(claim.existing, currentTenant());
      checkSameChargeForKey(claim.existing, input);
      return { payment: view(await awaitFinal(claim.existing)), replayed: true };
    }

    const result = await callGateway(claim.claimed, claim.token);
    const completed = await database.db.transaction(async (tx) => {
      const status = result.status;
      // The table is the authority: only a pending attempt may take a verdict, and only once.
      paymentAttemptMachine.transition('pending', triggerFor(status), { paymentId: claim.claimed.id });
      const now = clock.now();
      const row = await completeAttempt(tx, claim.claimed.id, {
        status,
        gatewayRef: result.gatewayRef,
        declineCode: result.status === 'approved' ? null : result.declineCode,
        declineReason: result.status === 'approved' ? null : result.declineReason,
        completedAt: now,
        updatedAt: now,
      });
      if (!row) throw new Conflict('payment.charge.already_completed', `payment ${claim.claimed.id} was completed twice`, { paymentId: claim.claimed.id });
      await outbox.stage(tx, paymentCompleted({ ...row, status }));
      return row;
    });
    logger.info({ paymentId: completed.id, customerId: completed.customerId, status: completed.status }, 'payment attempt completed');
    return { payment: view(completed), replayed: false };
  }

  return {
    charge,
    get: async (paymentId: string) => view(await getPaymentAttempt(database.db, paymentId)),
    list: async (customerId: string, page: { offset: number; limit: number }) => {
      const [rows, total] = await Promise.all([listPaymentAttempts(database.db, customerId, page), countPaymentAttempts(database.db, customerId)]);
      return { items: rows.map(view), total };
    },
    count: (customerId: string) => countPaymentAttempts(database.db, customerId),
  };
}
