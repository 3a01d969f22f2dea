// Rows → wire shapes: TMF622 ProductOrder (strictly valid against the official schema: BSS facts sit in
// `productOrderItem[].product.productCharacteristic`, `itemPrice` and `note`), TMF622 CancelProductOrder and
// the /com-api/v1 Order view. Optional attributes without a value are omitted.
import { amountToNumber, projectFields, type com } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { CancelRequestRow, OrderWithItem } from '../schema.ts';
import { TMF_ORDER_STATE } from './order.state.ts';

export const TMF622_BASE = '/tmf-api/productOrderingManagement/v4';
export const PRODUCT_ORDER_PATH = `${TMF622_BASE}/productOrder`;
export const CANCEL_PRODUCT_ORDER_PATH = `${TMF622_BASE}/cancelProductOrder`;

type Href = (collectionPath: string, id: string) => string;
const iso = (d: Date | null) => (d ? d.toISOString() : undefined);

export function toTmfProductOrder({ order, item }: OrderWithItem, href: Href): com.ProductOrder {
  const characteristic = [
    order.msisdnPreference ? { name: 'msisdnPreference', value: order.msisdnPreference, valueType: 'string' } : undefined,
    { name: 'paymentMethodId', value: order.paymentMethodId, valueType: 'string' },
    item.msisdn ? { name: 'msisdn', value: item.msisdn, valueType: 'string' } : undefined,
    item.iccid ? { name: 'iccid', value: item.iccid, valueType: 'string' } : undefined,
  ].filter((c) => c !== undefined);
  const notes = [
    ...order.note,
    ...(order.state === 'failed' && order.failureCause
      ? [{ id: 'failure', author: 'com', date: iso(order.completionDate), text: `${order.failureCause}: ${order.failureReason ?? ''}`.trim() }]
      : []),
  ].map((n) => omitEmpty({ id: n.id, author: n.author, date: n.date, text: n.text }));
  return omitEmpty({
    id: order.id,
    href: href(PRODUCT_ORDER_PATH, order.id),
    state: TMF_ORDER_STATE[order.state],
    orderDate: order.orderDate.toISOString(),
    completionDate: order.state === 'completed' || order.state === 'failed' ? iso(order.completionDate) : undefined,
    cancellationDate: iso(order.cancellationDate),
    cancellationReason: order.cancellationReason,
    description: order.description,
    externalId: order.externalId,
    category: order.category,
    note: notes.length ? notes : undefined,
    relatedParty: [{ id: order.customerId, role: 'customer', '@referredType': 'Customer' }],
    productOrderItem: [
      omitEmpty({
        id: item.id,
        action: 'add' as const,
        quantity: 1 as const,
        state: TMF_ORDER_STATE[item.state],
        productOffering: { id: item.offeringId },
        itemPrice: [
          {
            name: 'Plan price (charged at activation, then monthly)',
            priceType: 'recurring',
            recurringChargePeriod: 'month',
            // Money.value is a JSON number by the spec: serialised from the exact decimal, never computed.
            price: { taxIncludedAmount: { unit: item.priceCurrency, value: amountToNumber(item.priceAmount) } },
            productOfferingPrice: { id: item.priceId },
          },
        ],
        product: omitEmpty({ id: item.subscriptionId, productCharacteristic: characteristic, '@type': 'Product' as const }),
        '@type': 'ProductOrderItem' as const,
      }),
    ],
    '@type': 'ProductOrder' as const,
  }) as com.ProductOrder;
}

/** A ProductOrder under a TMF `fields` projection (productOrderItem always stays: it is mandatory). */
export function projectProductOrder(o: com.ProductOrder, fields: string | undefined): com.ProductOrderFields {
  return projectFields(o, fields ? `${fields},productOrderItem` : undefined) as com.ProductOrderFields;
}

export function toTmfCancelProductOrder(row: CancelRequestRow, href: Href): com.CancelProductOrder {
  return omitEmpty({
    id: row.id,
    href: href(CANCEL_PRODUCT_ORDER_PATH, row.id),
    state: row.state,
    productOrder: { id: row.orderId, href: href(PRODUCT_ORDER_PATH, row.orderId), '@referredType': 'ProductOrder' as const },
    cancellationReason: row.cancellationReason,
    requestedCancellationDate: iso(row.requestedCancellationDate),
    effectiveCancellationDate: iso(row.effectiveCancellationDate),
    '@type': 'CancelProductOrder' as const,
  }) as com.CancelProductOrder;
}

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The /com-api/v1 view: every fact, nulls kept (non-TMF APIs say "none" explicitly). */
export function toOrderView({ order, item }: OrderWithItem, href: Href): com.Order {
  return {
    id: order.id,
    href: href(PRODUCT_ORDER_PATH, order.id),
    customerId: order.customerId,
    state: order.state,
    offeringId: item.offeringId,
    priceSnapshot: { priceId: item.priceId, amount: item.priceAmount, currency: item.priceCurrency },
    paymentMethodId: order.paymentMethodId,
    msisdnPreference: order.msisdnPreference,
    subscriptionId: item.subscriptionId,
    msisdn: item.msisdn,
    iccid: item.iccid,
    serviceOrderId: order.serviceOrderId,
    orderDate: order.orderDate.toISOString(),
    submittedAt: isoOrNull(order.submittedAt),
    completionDate: isoOrNull(order.completionDate),
    cancellationDate: isoOrNull(order.cancellationDate),
    cancellationReason: order.cancellationReason,
    failureCause: order.failureCause,
    failureReason: order.failureReason,
    stuckFlaggedAt: isoOrNull(order.stuckFlaggedAt),
  };
}
