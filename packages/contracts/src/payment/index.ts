// Wire shapes of the payment API: cards on file (TMF670-flavoured PaymentMethod) and charges
// (TMF676-flavoured Payment). camelCase, absolute href, @type; money is a decimal string, never a float.
import { z } from 'zod';

/** An id as it may appear in a path, query or body: 1–64 safe characters (no control bytes, no slashes). */
export const ResourceId = z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]');
const CustomerId = ResourceId.describe('Customer id, e.g. CUST-1a2b3c4d');

/** A decimal amount with at most 2 decimals, e.g. "25.00" (sign allowed so the positive-amount rule can answer). */
export const Amount = z
  .string()
  .max(14)
  .regex(/^-?\d{1,10}(\.\d{1,2})?$/, 'a decimal string with at most 10 integer digits and 2 decimals, e.g. "25.00"')
  .describe('Decimal string, e.g. "25.00"; stored exactly as numeric(12,2)');

export const PaymentMethodStatus = z.enum(['active', 'removed', 'expired']);
export type PaymentMethodStatus = z.infer<typeof PaymentMethodStatus>;

/** Non-sensitive card facts returned by the tokenizer (never the number or CVV). */
export const CardSummary = z.object({
  brand: z.string().describe('visa, mastercard, amex or unknown'),
  last4: z.string().describe('Last four digits of the card number'),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int(),
});
export type CardSummary = z.infer<typeof CardSummary>;

/**
 * Add a card. MOCK-ONLY body: the number and CVV travel here only so the mock tokenizer can run
 * server-side. With a real provider the card is tokenized client-side (provider SDK) and this service
 * only ever sees the token. Neither field is stored, logged or echoed in any error.
 */
export const AddCardRequest = z
  .object({
    customerId: CustomerId,
    type: z.literal('card').default('card'),
    cardNumber: z
      .string()
      .max(24)
      .regex(/^[0-9][0-9 -]{10,22}[0-9]$/, 'card number: 12–19 digits, spaces or dashes allowed')
      .describe('Test card number (mock provider only)'),
    cvv: z.string().max(4).regex(/^[0-9]{3,4}$/, 'cvv: 3 or 4 digits').describe('Card verification value (mock provider only)'),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2200),
  })
  .meta({ id: 'AddCardRequest' });
export type AddCardRequest = z.input<typeof AddCardRequest>;

/** A card on file. */
export const PaymentMethod = z
  .object({
    id: z.string().describe('PM-0001'),
    href: z.url(),
    customerId: z.string(),
    type: z.literal('card'),
    tokenizationProvider: z.string().describe('Provider that issued the token, e.g. mock'),
    cardSummary: CardSummary,
    isDefault: z.boolean().describe('Exactly one active method per customer is the default'),
    status: PaymentMethodStatus,
    createdAt: z.iso.datetime({ offset: true }),
    removedAt: z.iso.datetime({ offset: true }).optional(),
    '@type': z.literal('PaymentMethod'),
  })
  .meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentPurpose = z.enum(['activation', 'renewal', 'vas']);
export type PaymentPurpose = z.infer<typeof PaymentPurpose>;

/** `pending` is only visible while the single gateway call of an attempt is in flight. */
export const PaymentStatus = z.enum(['pending', 'approved', 'declined', 'errored']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** Charge a card on file, in full or not at all. */
export const ChargeRequest = z
  .object({
    customerId: CustomerId,
    paymentMethodId: ResourceId.describe('Card on file to charge, e.g. PM-0001'),
    amount: Amount,
    currency: z.string().max(3).regex(/^[A-Z]{3}$/, 'ISO 4217 code').default('SGD'),
    purpose: PaymentPurpose,
    idempotencyKey: z
      .string()
      .max(128)
      .regex(/^[A-Za-z0-9._:-]{8,128}$/, '8–128 characters of [A-Za-z0-9._:-]')
      .describe('Caller-chosen key; the same key again returns the first attempt and never charges twice'),
  })
  .meta({ id: 'ChargeRequest' });
export type ChargeRequest = z.input<typeof ChargeRequest>;

/** One charge attempt, final once `status` is not `pending`. */
export const Payment = z
  .object({
    id: z.string().describe('PAY-000001'),
    href: z.url(),
    customerId: z.string(),
    paymentMethodId: z.string(),
    amount: z.string().describe('Decimal string with 2 decimals, e.g. "25.00"'),
    currency: z.string(),
    purpose: PaymentPurpose,
    status: PaymentStatus,
    idempotencyKey: z.string(),
    gatewayRef: z.string().optional().describe('Provider reference of the charge'),
    declineCode: z.string().optional().describe('Machine code when declined or errored, e.g. card_declined'),
    declineReason: z.string().optional().describe('Human-readable decline reason'),
    attemptedAt: z.iso.datetime({ offset: true }),
    completedAt: z.iso.datetime({ offset: true }).optional(),
    '@type': z.literal('Payment'),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

/** Answer of `GET /payment/count`. */
export const PaymentCount = z.object({ count: z.number().int().min(0) }).meta({ id: 'PaymentCount' });
export type PaymentCount = z.infer<typeof PaymentCount>;
