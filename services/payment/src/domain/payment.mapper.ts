// Row → wire mapping of a charge attempt, as a TMF676 `Payment`. The amount is the stored numeric(12,2) string,
// parsed (never computed) into TMF Money's number. The customer is both `account` (a prepaid customer's one
// account is named by the customer id) and `payer`; the idempotency key is `correlatorId`.
import { amountToNumber, projectFields, type payment } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { PaymentAttemptRow } from '../schema.ts';
import { PAYMENT_METHOD_PATH } from './payment-method.mapper.ts';

/** Ours is `/tmf-api/paymentManagement/v4/`; TMF676 v4's swagger says `/payment/v4/` (see DECISIONS.md). */
export const PAYMENT_PATH = '/tmf-api/paymentManagement/v4/payment';

/** The TMF-shaped Payment for `row`. */
export function toPayment(row: PaymentAttemptRow, href: (path: string, id: string) => string): payment.Payment {
  const customer = { id: row.customerId, '@referredType': 'Customer' };
  return omitEmpty({
    id: row.id,
    href: href(PAYMENT_PATH, row.id),
    correlatorId: row.idempotencyKey,
    name: row.name,
    description: row.description,
    status: row.status,
    statusDate: (row.completedAt ?? row.attemptedAt).toISOString(),
    paymentDate: row.attemptedAt.toISOString(),
    authorizationCode: row.gatewayRef,
    account: customer,
    payer: { ...customer, role: 'payer' },
    paymentMethod: { id: row.paymentMethodId, href: href(PAYMENT_METHOD_PATH, row.paymentMethodId) },
    totalAmount: { unit: row.currency, value: amountToNumber(row.amount) },
    channel: row.channelId ? omitEmpty({ id: row.channelId, name: row.channelName }) : null,
    '@type': 'Payment' as const,
  });
}

/** A `fields` projection that keeps TMF676's mandatory `account` and `paymentMethod`, so it stays a valid Payment. */
export function projectPayment(p: payment.Payment, fields: string | undefined): Partial<payment.Payment> {
  return projectFields(p, fields && `${fields},account,paymentMethod`);
}
