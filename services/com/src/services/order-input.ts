// The two front doors of order create (TMF622 ProductOrder_Create and the CLI shorthand) reduced to one
// input. Pure: the TMF body's shape rules (one customer, action add, known characteristics) are policies.
import type { com } from '@bss/contracts';
import { ValidationFailed } from '@bss/policy';
import { checkActionSupported, checkCharacteristicKnown, requireOneCustomer } from '../policies/order.policies.ts';
import type { StoredNote } from '../schema.ts';

/** What the create use-case needs, whichever body it came from. */
export interface OrderInput {
  customerId: string;
  offeringId: string;
  msisdnPreference: string | null;
  notes: StoredNote[];
  description: string | null;
  externalId: string | null;
  category: string | null;
}

const MSISDN = /^\+?[0-9]{6,15}$/;

export function fromCreateBody(body: com.ProductOrderCreateBody): OrderInput {
  if ('customerId' in body) {
    return {
      customerId: body.customerId,
      offeringId: body.offeringId,
      msisdnPreference: body.msisdnPreference ?? null,
      notes: body.notes ? [{ text: body.notes }] : [],
      description: null,
      externalId: null,
      category: null,
    };
  }
  const item = body.productOrderItem[0]!;
  checkActionSupported(item.action);
  const customerIds = (body.relatedParty ?? []).filter((p) => (p.role ?? '').toLowerCase() === 'customer').map((p) => p.id);
  const customerId = requireOneCustomer(customerIds);
  let msisdnPreference: string | null = null;
  for (const c of item.product?.productCharacteristic ?? []) {
    checkCharacteristicKnown(c.name);
    if (typeof c.value !== 'string' || !MSISDN.test(c.value)) {
      throw new ValidationFailed('request.invalid_characteristic', 'msisdnPreference must be a string of 6–15 digits, optionally after +', { name: c.name });
    }
    msisdnPreference = c.value;
  }
  return {
    customerId,
    offeringId: item.productOffering.id,
    msisdnPreference,
    notes: (body.note ?? []).map((n) => ({ text: n.text, ...(n.author ? { author: n.author } : {}), ...(n.date ? { date: n.date } : {}), ...(n.id ? { id: n.id } : {}) })),
    description: body.description ?? null,
    externalId: body.externalId ?? null,
    category: body.category ?? null,
  };
}
