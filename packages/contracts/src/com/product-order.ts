// Wire shapes of TMF622 ProductOrder. POST takes the official `ProductOrder_Create` (one item, action `add`,
// the customer as relatedParty role customer) or the CLI shorthand (`customerId`, `offeringId`,
// `msisdnPreference`); both go through one create use-case. Attributes COM does not keep are refused (400),
// not dropped. States on the wire are TMF622's (`inProgress`), money is TMF `Money` serialised from the exact
// numeric(12,2) snapshot.
import { z } from 'zod';
import { Instant, LIMITS, ScalarValue, Text } from '../common/limits.ts';

/** An id in a path, query or body: 1–64 safe characters. */
export const OrderResourceId = z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]');

/** A requested number ("golden number"): E.164 digits, an optional leading +. */
export const MsisdnPreference = z.string().max(16).regex(/^\+?[0-9]{6,15}$/, '6–15 digits, optionally after +');

const Meta = Text(LIMITS.line);
const refExtras = {
  href: Text(LIMITS.line).optional(),
  name: Text(LIMITS.name).optional(),
  '@baseType': Meta.optional(),
  '@schemaLocation': Meta.optional(),
  '@type': Meta.optional(),
  '@referredType': Meta.optional(),
};
const typeExtras = { '@baseType': Meta.optional(), '@schemaLocation': Meta.optional(), '@type': Meta.optional() };

/** TMF Note on input. */
export const NoteInput = z.strictObject({
  id: Text(LIMITS.id).optional(),
  author: Text(LIMITS.name).optional(),
  date: Instant.optional(),
  text: Text(LIMITS.line * 4),
  ...typeExtras,
});
export type NoteInput = z.infer<typeof NoteInput>;

/** TMF Characteristic on input (product characteristics of the ordered item, e.g. msisdnPreference). */
export const CharacteristicInput = z.strictObject({
  name: Text(LIMITS.characteristicName),
  value: ScalarValue,
  valueType: Text(LIMITS.code).optional(),
  ...typeExtras,
});

/** TMF RelatedParty on input (`@referredType` is mandatory in the spec). */
export const RelatedPartyInput = z.strictObject({ id: OrderResourceId, role: Text(LIMITS.name).optional(), ...refExtras, '@referredType': Meta });

/** One ProductOrderItem on input: the offering to add, optionally with product characteristics. */
export const ProductOrderItemInput = z.strictObject({
  id: Text(LIMITS.id).describe("The client's line id (generally 1); COM mints its own OI- id"),
  action: z.enum(['add', 'modify', 'delete', 'noChange']).describe('Only add is supported (order.create.action_unsupported)'),
  quantity: z.number().int().min(1).max(1).optional().describe('1: one line is one plan'),
  productOffering: z.strictObject({ id: OrderResourceId.describe('e.g. PLAN_M'), ...refExtras }),
  product: z
    .strictObject({
      productCharacteristic: z.array(CharacteristicInput).max(LIMITS.items).optional().describe('msisdnPreference is the only one COM reads'),
      ...typeExtras,
    })
    .optional(),
  ...typeExtras,
});

/** The official TMF622 `ProductOrder_Create`, restricted to what COM keeps. */
export const ProductOrderCreate = z
  .strictObject({
    productOrderItem: z.array(ProductOrderItemInput).min(1).max(1).describe('Exactly one line: one plan per order'),
    relatedParty: z.array(RelatedPartyInput).max(LIMITS.items).optional().describe('Must name the customer with role customer'),
    note: z.array(NoteInput).max(LIMITS.items).optional(),
    description: Text(LIMITS.line).optional(),
    externalId: Text(LIMITS.id).optional(),
    category: Text(LIMITS.name).optional(),
    ...typeExtras,
  })
  .meta({ id: 'ProductOrderCreate' });
export type ProductOrderCreate = z.input<typeof ProductOrderCreate>;

/** The CLI / agent shorthand of the same create. */
export const OrderCreateShorthand = z
  .strictObject({
    customerId: OrderResourceId.describe('e.g. CUST-…'),
    offeringId: OrderResourceId.describe('e.g. PLAN_M'),
    msisdnPreference: MsisdnPreference.optional(),
    notes: Text(LIMITS.line * 4).optional().describe('Kept as one TMF note'),
  })
  .meta({ id: 'OrderCreateShorthand' });
export type OrderCreateShorthand = z.input<typeof OrderCreateShorthand>;

/** Either create body of POST /productOrder. */
export const ProductOrderCreateBody = z.union([OrderCreateShorthand, ProductOrderCreate]);
export type ProductOrderCreateBody = z.input<typeof ProductOrderCreateBody>;

/** TMF622 merge-patch: only the descriptive attributes; the lifecycle moves through its own operations. */
export const ProductOrderPatch = z
  .strictObject({
    description: Text(LIMITS.line).nullable().optional(),
    externalId: Text(LIMITS.id).nullable().optional(),
    category: Text(LIMITS.name).nullable().optional(),
    note: z.array(NoteInput).max(LIMITS.items).optional().describe('Replaces the notes'),
    state: Text(LIMITS.code).optional().describe('Refused: order.update.state_via_lifecycle (submit / cancelProductOrder)'),
    productOrderItem: z.array(z.record(z.string().max(LIMITS.characteristicName), z.unknown())).max(LIMITS.items).optional().describe('Refused: order.update.items_immutable'),
    relatedParty: z.array(z.record(z.string().max(LIMITS.characteristicName), z.unknown())).max(LIMITS.items).optional().describe('Refused: order.update.customer_immutable'),
  })
  .meta({ id: 'ProductOrderPatch' });
export type ProductOrderPatch = z.infer<typeof ProductOrderPatch>;

export const TmfOrderState = z.enum(['acknowledged', 'inProgress', 'completed', 'failed', 'cancelled']);

const Money = z.object({ unit: z.string(), value: z.number() });
const Ref = z.object({ id: z.string(), href: z.string().optional(), name: z.string().optional(), '@referredType': z.string().optional() });
const Characteristic = z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), valueType: z.string().optional() });
const Note = z.object({ id: z.string().optional(), author: z.string().optional(), date: z.string().optional(), text: z.string() });

/** One order line as TMF622 ProductOrderItem. */
export const ProductOrderItem = z.object({
  id: z.string().describe('OI-…'),
  action: z.literal('add'),
  quantity: z.literal(1),
  state: TmfOrderState,
  productOffering: Ref,
  itemPrice: z.array(
    z.object({
      name: z.string(),
      priceType: z.string(),
      recurringChargePeriod: z.string().optional(),
      price: z.object({ taxIncludedAmount: Money }),
      productOfferingPrice: Ref.describe('The snapshotted price row'),
    }),
  ),
  product: z
    .object({
      id: z.string().optional().describe('The subscription (SUB-…) once the order completed'),
      productCharacteristic: z.array(Characteristic).optional(),
      '@type': z.literal('Product'),
    })
    .optional(),
  '@type': z.literal('ProductOrderItem'),
});

/** A TMF622 ProductOrder. */
export const ProductOrder = z
  .object({
    id: z.string().describe('ORD-…'),
    href: z.url(),
    state: TmfOrderState,
    orderDate: z.string(),
    completionDate: z.string().optional(),
    cancellationDate: z.string().optional(),
    cancellationReason: z.string().optional(),
    description: z.string().optional(),
    externalId: z.string().optional(),
    category: z.string().optional(),
    note: z.array(Note).optional(),
    relatedParty: z.array(Ref.extend({ role: z.string() })),
    productOrderItem: z.array(ProductOrderItem),
    '@type': z.literal('ProductOrder'),
  })
  .meta({ id: 'ProductOrder' });
export type ProductOrder = z.infer<typeof ProductOrder>;

/** A ProductOrder under a `fields` projection: id, href, @type and TMF622's mandatory productOrderItem stay. */
export const ProductOrderFields = ProductOrder.partial()
  .required({ id: true, href: true, '@type': true, productOrderItem: true })
  .meta({ id: 'ProductOrderFields' });
export type ProductOrderFields = z.infer<typeof ProductOrderFields>;

/** TMF622 CancelProductOrder_Create. */
export const CancelProductOrderCreate = z
  .strictObject({
    productOrder: z.strictObject({ id: OrderResourceId, ...refExtras }),
    cancellationReason: Text(LIMITS.line).optional(),
    requestedCancellationDate: Instant.optional().describe('Kept as sent; the cancellation is carried out at once'),
    ...typeExtras,
  })
  .meta({ id: 'CancelProductOrderCreate' });
export type CancelProductOrderCreate = z.input<typeof CancelProductOrderCreate>;

/** A carried-out TMF622 CancelProductOrder (a refused one is a 422 and is not kept). */
export const CancelProductOrder = z
  .object({
    id: z.string().describe('CPO-…'),
    href: z.url(),
    state: z.enum(['acknowledged', 'inProgress', 'done', 'terminatedWithError']),
    productOrder: z.object({ id: z.string(), href: z.string(), '@referredType': z.literal('ProductOrder') }),
    cancellationReason: z.string().optional(),
    requestedCancellationDate: z.string().optional(),
    effectiveCancellationDate: z.string().optional(),
    '@type': z.literal('CancelProductOrder'),
  })
  .meta({ id: 'CancelProductOrder' });
export type CancelProductOrder = z.infer<typeof CancelProductOrder>;

export const CancelProductOrderFields = CancelProductOrder.partial()
  .required({ id: true, href: true, '@type': true, productOrder: true })
  .meta({ id: 'CancelProductOrderFields' });
export type CancelProductOrderFields = z.infer<typeof CancelProductOrderFields>;
