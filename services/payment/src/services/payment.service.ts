// Charge use-cases. Idempotency is "insert first": a short transaction claims the key by inserting a
// `pending` attempt (the unique index lets exactly one request win), the single gateway call runs outside
// any transaction, and a second transaction records the final verdict with its event. A duplicate key
// returns the first attempt (waiting for it if still in flight) and never reaches the gateway. Keys are
// scoped per customer. If the process dies between the gateway call and the verdict, the attempt stays
// `pending` until the reconciler (workers/payment-reconciler.ts) asks the gateway for that attempt's verdict.
// No retries and no partial amounts: one gateway call per attempt, approved or declined in full.
import { amountFromNumber, mintId, normalizeAmount, type payment } from '@bss/contracts';
import { Conflict } from '@bss/policy';
import type { GatewayResult } from '../adapters/provider.ts';
import { toPayment } from '../domain/payment.mapper.ts';
import type { PaymentDeps } from '../deps.ts';
import {
  checkCustomerMatchesMethod,
  checkMethodActive,
  checkMethodExists,
  checkPayerMatchesAccount,
  checkPositiveAmount,
  checkKeyOfThisTenant,
  checkSameChargeForKey,
  checkTokenProviderMatchesActive,
} from '../policies/payment.policies.ts';
import {
  countPaymentAttempts,
  findAttemptByIdempotencyKey,
  getPaymentAttempt,
  insertPendingAttempt,
  pagePaymentAttempts,
  type PaymentFilter,
} from '../repositories/payment-attempt.repository.ts';
import { findPaymentMethod } from '../repositories/payment-method.repository.ts';
import { currentTenant } from '../repositories/tenant.ts';
import type { PaymentAttemptRow } from '../schema.ts';
import { recordVerdict } from './payment-verdict.ts';

/** A validated charge request (currency defaulted); the TMF676 create body maps onto it (fromPaymentCreate). */
export type ChargeInput = {
  customerId: string;
  paymentMethodId: string;
  amount: string;
  currency: string;
  purpose: 'activation' | 'renewal' | 'vas';
  idempotencyKey: string;
  name?: string | undefined;
  description?: string | undefined;
  channel?: { id: string; name?: string | undefined } | undefined;
};

/**
 * The TMF676 `Payment_Create` as a ChargeInput. The customer is `account.id`; `payer` must agree. Without a
 * `correlatorId` the server mints the key, so that payment cannot be replayed safely (the caller chose so).
 */
export function fromPaymentCreate(body: payment.PaymentCreate): ChargeInput {
  checkPayerMatchesAccount(body.account.id, body.payer?.id);
  return {
    customerId: body.account.id,
    paymentMethodId: body.paymentMethod.id,
    amount: amountFromNumber(body.totalAmount.value),
    currency: body.totalAmount.unit ?? 'SGD',
    purpose: 'vas',
    idempotencyKey: body.correlatorId ?? mintId('auto'),
    name: body.name,
    description: body.description,
    channel: body.channel && { id: body.channel.id, name: body.channel.name },
  };
}

const POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type PaymentService = ReturnType<typeof createPaymentService>;

export function createPaymentService(deps: PaymentDeps) {
  const { database, clock, provider, logger } = deps;
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
        // The attempt id, not the caller's key: unique across customers, and what the reconciler looks up.
        idempotencyKey: row.id,
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
      const existing = await findAttemptByIdempotencyKey(tx, input.customerId, input.idempotencyKey);
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
        name: input.name,
        description: input.description,
        channelId: input.channel?.id,
        channelName: input.channel?.name,
        attemptedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      if (!claimed) return { existing: (await findAttemptByIdempotencyKey(tx, input.customerId, input.idempotencyKey))! };
      return { claimed, token: method.token };
    });

    if ('existing' in claim) {
      checkKeyOfThisTenant(claim.existing, currentTenant());
      checkSameChargeForKey(claim.existing, input);
      return { payment: view(await awaitFinal(claim.existing)), replayed: true };
    }

    const result = await callGateway(claim.claimed, claim.token);
    // Undefined only if this call outlived the reconciler's threshold and the reconciler recorded the gateway's
    // record of this attempt first: answer with what it recorded. The threshold outlasts any live call, so the
    // two can only disagree if the call reached the gateway after the reconciler's lookup; say so loudly then.
    let completed = await recordVerdict(deps, claim.claimed, result);
    if (!completed) {
      completed = await getPaymentAttempt(database.db, claim.claimed.id);
      if (completed.status !== result.status) {
        logger.error({ paymentId: completed.id, recorded: completed.status, gateway: result.status }, 'late gateway verdict disagrees with the reconciled attempt');
      }
    }
    logger.info({ paymentId: completed.id, customerId: completed.customerId, status: completed.status }, 'payment attempt completed');
    return { payment: view(completed), replayed: false };
  }

  return {
    charge,
    get: async (paymentId: string) => view(await getPaymentAttempt(database.db, paymentId)),
    list: async (filter: PaymentFilter, page: { offset: number; limit: number }) => {
      const { rows, total } = await pagePaymentAttempts(database.db, filter, page);
      return { items: rows.map(view), total };
    },
    count: (customerId: string) => countPaymentAttempts(database.db, customerId),
  };
}
