// Charge invariants, evaluated in the reference order (domain-rules §3.6) plus the idempotency-key rule.
import { isPositiveAmount, normalizeAmount } from '@bss/contracts';
import { requirePolicy } from '@bss/policy';
import type { PaymentAttemptRow, PaymentMethodRow } from '../schema.ts';

/** The fields that identify "the same charge" for an idempotency key. */
export interface ChargeFingerprint {
  customerId: string;
  paymentMethodId: string;
  amount: string;
  currency: string;
  purpose: string;
}

export function checkMethodExists(method: PaymentMethodRow | undefined, paymentMethodId: string): asserts method is PaymentMethodRow {
  requirePolicy(method !== undefined, 'payment.charge.method_not_found', `payment method ${paymentMethodId} does not exist`, { paymentMethodId });
}

export function checkMethodActive(method: PaymentMethodRow): void {
  requirePolicy(method.status === 'active', 'payment.charge.method_active', `payment method ${method.id} is ${method.status}`, {
    paymentMethodId: method.id,
    status: method.status,
  });
}

export function checkPositiveAmount(amount: string): void {
  requirePolicy(isPositiveAmount(amount), 'payment.charge.positive_amount', `amount must be greater than zero (got ${normalizeAmount(amount)})`, {
    amount: normalizeAmount(amount),
  });
}

/** The refusal never names the method's real owner: that would hand one customer another customer's id. */
export function checkCustomerMatchesMethod(customerId: string, method: PaymentMethodRow): void {
  requirePolicy(
    method.customerId === customerId,
    'payment.charge.customer_matches_method',
    `payment method ${method.id} does not belong to customer ${customerId}`,
    { requestedCustomerId: customerId, paymentMethodId: method.id },
  );
}

/** A token can only be charged by the provider that issued it (e.g. mock tokens after a Stripe cutover). */
export function checkTokenProviderMatchesActive(method: PaymentMethodRow, activeProvider: string): void {
  requirePolicy(
    method.tokenProvider === activeProvider,
    'payment.charge.token_provider_matches_active',
    `payment method ${method.id} was tokenized by ${method.tokenProvider}, but the active provider is ${activeProvider}`,
    { paymentMethodId: method.id, rowTokenProvider: method.tokenProvider, activeProvider },
  );
}

/**
 * Keys are scoped per customer, but a caller could name another tenant's customer: an attempt found under that
 * customer's key in another tenant is refused without naming its payment.
 */
export function checkKeyOfThisTenant(existing: PaymentAttemptRow, tenant: string): void {
  requirePolicy(existing.tenantId === tenant, 'payment.charge.idempotency_key_unique', 'this idempotency key is already in use; choose another', {});
}

/**
 * Reusing an idempotency key is only a replay when it describes the very same charge. `existing` is always
 * the requesting customer's own attempt (keys are scoped per customer), so its id is safe to report.
 */
export function checkSameChargeForKey(existing: PaymentAttemptRow, request: ChargeFingerprint): void {
  const stored: ChargeFingerprint = {
    customerId: existing.customerId,
    paymentMethodId: existing.paymentMethodId,
    amount: normalizeAmount(existing.amount),
    currency: existing.currency,
    purpose: existing.purpose,
  };
  const differing = (Object.keys(stored) as (keyof ChargeFingerprint)[]).filter(
    (k) => (k === 'amount' ? normalizeAmount(request.amount) : request[k]) !== stored[k],
  );
  requirePolicy(
    differing.length === 0,
    'payment.charge.idempotency_key_matches_request',
    `idempotency key ${existing.idempotencyKey} was already used by payment ${existing.id} for a different charge`,
    { idempotencyKey: existing.idempotencyKey, paymentId: existing.id, differingFields: differing },
  );
}

/** TMF676: the customer is `account.id`; a `payer`, when given, must be that same customer. */
export function checkPayerMatchesAccount(accountId: string, payerId: string | undefined): void {
  requirePolicy(payerId === undefined || payerId === accountId, 'payment.charge.payer_matches_account', `payer ${payerId} is not the account customer ${accountId}`, {
    accountId,
    payerId,
  });
}
