// Row → wire mapping of a charge attempt. The amount is the stored numeric(12,2) string, so every
// response (including the first one) reads "25.00", whatever form the request used.
import type { payment } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { PaymentAttemptRow } from '../schema.ts';

export const PAYMENT_PATH = '/tmf-api/paymentManagement/v4/payment';

/** The TMF-shaped Payment for `row`. */
export function toPayment(row: PaymentAttemptRow, href: (path: string, id: string) => string): payment.Payment {
  return omitEmpty({
    id: row.id,
    href: href(PAYMENT_PATH, row.id),
    customerId: row.customerId,
    paymentMethodId: row.paymentMethodId,
    amount: row.amount,
    currency: row.currency,
    purpose: row.purpose,
    status: row.status,
    idempotencyKey: row.idempotencyKey,
    gatewayRef: row.gatewayRef,
    declineCode: row.declineCode,
    declineReason: row.declineReason,
    attemptedAt: row.attemptedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    '@type': 'Payment' as const,
  });
}
