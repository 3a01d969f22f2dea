// Row → wire mapping of a card on file. The token stays inside the service: callers charge by method id.
import type { payment } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { PaymentMethodRow } from '../schema.ts';

export const PAYMENT_METHOD_PATH = '/tmf-api/paymentMethodManagement/v4/paymentMethod';

/** The TMF-shaped PaymentMethod for `row`; `href` builds the absolute link. */
export function toPaymentMethod(row: PaymentMethodRow, href: (path: string, id: string) => string): payment.PaymentMethod {
  return omitEmpty({
    id: row.id,
    href: href(PAYMENT_METHOD_PATH, row.id),
    customerId: row.customerId,
    type: 'card' as const,
    tokenizationProvider: row.tokenProvider,
    cardSummary: { brand: row.brand, last4: row.last4, expMonth: row.expMonth, expYear: row.expYear },
    isDefault: row.isDefault,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    removedAt: row.removedAt?.toISOString() ?? null,
    '@type': 'PaymentMethod' as const,
  });
}
