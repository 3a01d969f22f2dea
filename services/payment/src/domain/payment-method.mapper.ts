// Row → wire mapping of a card on file, as a TMF670 `tokenizedCard`. The token stays inside the service: callers
// charge by method id. The wire is served at TMF670's own base path and, as an alias, at the path used before.
import { projectFields, type payment } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { PaymentMethodRow } from '../schema.ts';

/** TMF670 v4 basePath `/tmf-api/paymentMethod/v4/` + `paymentMethod`. */
export const PAYMENT_METHOD_PATH = '/tmf-api/paymentMethod/v4/paymentMethod';
/** The path served before TMF670 conformance; kept so existing clients keep working. */
export const PAYMENT_METHOD_ALIAS_PATH = '/tmf-api/paymentMethodManagement/v4/paymentMethod';

/** The last instant (UTC) of a card's expiry month: the card is good through that month. */
export function cardExpiry(expMonth: number, expYear: number): Date {
  return new Date(Date.UTC(expYear, expMonth, 1) - 1);
}

/** The TMF-shaped PaymentMethod for `row`; `href` builds the absolute link. */
export function toPaymentMethod(row: PaymentMethodRow, href: (path: string, id: string) => string): payment.PaymentMethod {
  const validFor = row.validFrom || row.validTo ? omitEmpty({ startDateTime: row.validFrom?.toISOString(), endDateTime: row.validTo?.toISOString() }) : null;
  return omitEmpty({
    id: row.id,
    href: href(PAYMENT_METHOD_PATH, row.id),
    name: row.name ?? `${row.brand} •••• ${row.last4}`,
    description: row.description,
    isPreferred: row.isDefault,
    status: row.status,
    statusDate: (row.removedAt ?? row.createdAt).toISOString(),
    validFor,
    relatedParty: { id: row.customerId, role: 'owner', '@referredType': 'Customer' },
    brand: row.brand,
    lastFourDigits: row.last4,
    expirationDate: cardExpiry(row.expMonth, row.expYear).toISOString(),
    issuer: row.tokenProvider,
    '@type': 'tokenizedCard' as const,
    '@baseType': 'PaymentMethod' as const,
  });
}

/** A `fields` projection that keeps TMF670's mandatory `name` (and id, href, @type), so it stays a valid PaymentMethod. */
export function projectPaymentMethod(method: payment.PaymentMethod, fields: string | undefined): Partial<payment.PaymentMethod> {
  return projectFields(method, fields && `${fields},name`);
}
