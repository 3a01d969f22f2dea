// One keyed charge of the card on file for a lifecycle use-case (VAS, renewal). Returns the payment whatever its
// verdict (the caller decides what a decline means); a charge still in flight with the same key is transient
// (the retry replays it); a card payment refuses to charge is a PolicyViolation under the caller's rule.
import { ConflictError, NotFoundError, type PaymentClient } from '@bss/clients';
import type { payment } from '@bss/contracts';
import { DownstreamUnavailable, PolicyViolation } from '@bss/policy';

export interface CardCharge {
  customerId: string;
  paymentMethodId: string;
  amount: string;
  currency: string;
  purpose: 'renewal' | 'vas';
  idempotencyKey: string;
}

export async function chargeCard(client: PaymentClient, charge: CardCharge, rule: string): Promise<payment.Payment> {
  try {
    return await client.charge(charge);
  } catch (err) {
    if (err instanceof ConflictError) throw new DownstreamUnavailable('payment.charge.in_progress', `the ${charge.purpose} charge is still in progress`, { idempotencyKey: charge.idempotencyKey });
    if (err instanceof NotFoundError) throw new PolicyViolation(rule, err.message, { paymentMethodId: charge.paymentMethodId, underlying: err.reason });
    throw err;
  }
}
