// Wire shapes of charges: TMF676 v4 Payment. POST takes the official `Payment_Create` body or the shorthand
// used by the services and the agent (`customerId`, `paymentMethodId`, `amount`, …); both go through one charge
// use-case. Money on the wire is TMF `Money` (`value` a JSON number parsed from the exact numeric(12,2) string).
import { z } from 'zod';
import { amountToCents } from '../common/money.ts';
import { LIMITS, Text } from '../common/limits.ts';
import { AccountRefInput, Amount, Currency, CustomerId, IdempotencyKey, Ref, refExtras, RelatedPartyInput, ResourceId } from './shared.ts';

export const PaymentPurpose = z.enum(['activation', 'renewal', 'vas']);
export type PaymentPurpose = z.infer<typeof PaymentPurpose>;

/** `pending` is only visible while the single gateway call of an attempt is in flight. */
export const PaymentStatus = z.enum(['pending', 'approved', 'declined', 'errored']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** Charge a card on file, in full or not at all (shorthand). */
export const ChargeRequest = z
  .object({
    customerId: CustomerId,
    paymentMethodId: ResourceId.describe('Card on file to charge, e.g. PM-0001'),
    amount: Amount,
    currency: Currency.default('SGD'),
    purpose: PaymentPurpose,
    idempotencyKey: IdempotencyKey.describe('Caller-chosen key; the same key again returns the first attempt and never charges twice'),
  })
  .meta({ id: 'ChargeRequest' });
export type ChargeRequest = z.input<typeof ChargeRequest>;

/** TMF Money on input: an exact amount (≤ 2 decimals, ≤ 10 integer digits) in a JSON number. */
export const MoneyInput = z.object({
  unit: Currency.optional().describe('ISO 4217; SGD when omitted'),
  value: z
    .number()
    .refine((v) => amountToCents(v) !== undefined, 'an exact amount with at most 10 integer digits and 2 decimals')
    .describe('e.g. 25 or 25.5'),
});

const Line = Text(LIMITS.line);

/**
 * The official TMF676 `Payment_Create`. The customer is `account.id` (a prepaid customer has one account, named by
 * the customer id); `payer`, when given, must name the same customer. `paymentMethod` must reference a card on
 * file by `id`. `correlatorId` is the idempotency key (scoped per customer, as `idempotencyKey`); when omitted the
 * server mints one and the payment is not replay-safe. Purpose is `vas` (an ad-hoc charge). `amount`,
 * `taxAmount`, `authorizationCode` and `paymentItem` are accepted but not kept (prices are tax-inclusive, the
 * gateway issues the authorization code, there are no bills to letter).
 */
export const PaymentCreate = z
  .object({
    account: AccountRefInput.describe('id: the customer id'),
    paymentMethod: z
      .object({ id: ResourceId.describe('Card on file, e.g. PM-0001'), description: Line.optional(), ...refExtras })
      .describe('A reference to a card on file (values are not accepted: add the card through TMF670 first)'),
    totalAmount: MoneyInput,
    correlatorId: IdempotencyKey.optional().describe('Idempotency key: the same value again returns the first payment'),
    description: Line.optional(),
    name: Text(LIMITS.name).optional(),
    channel: z.object({ id: ResourceId, ...refExtras }).optional(),
    payer: RelatedPartyInput.optional().describe('Must be the account customer'),
    amount: MoneyInput.optional(),
    taxAmount: MoneyInput.optional(),
    authorizationCode: Line.optional(),
    paymentItem: z
      .array(z.object({ id: Text(LIMITS.id).optional(), item: z.object({ id: ResourceId, ...refExtras }), amount: MoneyInput.optional(), taxAmount: MoneyInput.optional(), totalAmount: MoneyInput.optional(), '@type': Line.optional() }))
      .max(LIMITS.items)
      .optional(),
    '@type': Line.optional(),
    '@baseType': Line.optional(),
    '@schemaLocation': Line.optional(),
  })
  .meta({ id: 'PaymentCreate' });
export type PaymentCreate = z.input<typeof PaymentCreate>;

/** Either create body of POST /payment. */
export const PaymentCreateBody = z.union([ChargeRequest, PaymentCreate]);
export type PaymentCreateBody = z.input<typeof PaymentCreateBody>;

export const Money = z.object({ unit: z.string(), value: z.number() });

/** One charge attempt as TMF676 `Payment`, final once `status` is not `pending`. */
export const Payment = z
  .object({
    id: z.string().describe('PAY-000001'),
    href: z.url(),
    correlatorId: z.string().describe('The idempotency key'),
    name: z.string().optional(),
    description: z.string().optional(),
    status: PaymentStatus,
    statusDate: z.iso.datetime({ offset: true }),
    paymentDate: z.iso.datetime({ offset: true }).describe('When the attempt was made'),
    authorizationCode: z.string().optional().describe('Provider reference of the charge'),
    account: Ref.describe('id: the customer id'),
    payer: Ref.describe('The customer'),
    paymentMethod: z.object({ id: z.string(), href: z.string() }),
    totalAmount: Money,
    channel: Ref.optional(),
    '@type': z.literal('Payment'),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

/** Answer of `GET /payment/count`. */
export const PaymentCount = z.object({ count: z.number().int().min(0) }).meta({ id: 'PaymentCount' });
export type PaymentCount = z.infer<typeof PaymentCount>;

/** A Payment under a `fields` projection: id, href, @type and TMF676's mandatory account and paymentMethod stay. */
export const PaymentFields = Payment.partial()
  .required({ id: true, href: true, '@type': true, account: true, paymentMethod: true })
  .meta({ id: 'PaymentFields' });
export type PaymentFields = z.infer<typeof PaymentFields>;
