// Wire shapes of cards on file: TMF670 v4 PaymentMethod. A stored card is a `tokenizedCard` (we keep only the
// provider's token and the card summary); a card is added either as the official `bankCard` create body or the
// CLI/agent shorthand (`customerId`, `cardNumber`, …), both tokenized by the active provider.
import { z } from 'zod';
import { Instant, LIMITS, Text } from '../common/limits.ts';
import { AccountRefInput, CustomerId, Ref, RelatedPartyInput, TimePeriod, TimePeriodInput } from './shared.ts';

export const PaymentMethodStatus = z.enum(['active', 'removed', 'expired']);
export type PaymentMethodStatus = z.infer<typeof PaymentMethodStatus>;

const CardNumber = z
  .string()
  .max(24)
  .regex(/^[0-9][0-9 -]{10,22}[0-9]$/, 'card number: 12–19 digits, spaces or dashes allowed')
  .describe('Test card number (mock provider only)');
const Cvv = z.string().max(4).regex(/^[0-9]{3,4}$/, 'cvv: 3 or 4 digits').describe('Card verification value (mock provider only)');

/**
 * Add a card, shorthand. MOCK-ONLY body: the number and CVV travel here only so the mock tokenizer can run
 * server-side. With a real provider the card is tokenized client-side (provider SDK) and this service
 * only ever sees the token. Neither field is stored, logged or echoed in any error.
 */
export const AddCardRequest = z
  .object({
    customerId: CustomerId,
    type: z.literal('card').default('card'),
    cardNumber: CardNumber,
    cvv: Cvv,
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2200),
  })
  .meta({ id: 'AddCardRequest' });
export type AddCardRequest = z.input<typeof AddCardRequest>;

const Line = Text(LIMITS.line);
const Name = Text(LIMITS.name);

/**
 * The official TMF670 create body for a card (`PaymentMethod_Create` with the `BankCard` attributes). The owner
 * is `relatedParty.id` (else the first `account[].id`): the customer id. Number and CVV as in AddCardRequest.
 */
export const BankCardCreate = z
  .object({
    '@type': z.literal('bankCard').describe('Only cards can be added (tokenized by the active provider)'),
    name: Name.describe('Friendly name, e.g. "Main credit card"'),
    description: Line.optional(),
    isPreferred: z.boolean().optional().describe('true: becomes the default method (the first card always does)'),
    authorizationCode: Line.optional().describe('Accepted, not kept: the provider token stands for it'),
    status: Text(LIMITS.code).optional().describe('Ignored: a new card is active'),
    statusDate: Instant.optional().describe('Ignored: the server records the status date'),
    statusReason: Line.optional().describe('Ignored'),
    account: z.array(AccountRefInput).max(5).optional(),
    relatedParty: RelatedPartyInput.optional().describe('The customer who owns the card (id = customer id)'),
    validFor: TimePeriodInput.optional(),
    brand: Text(LIMITS.code).describe('Informational: the provider reports the brand from the number'),
    cardType: Text(LIMITS.code).optional(),
    cardNumber: CardNumber,
    expirationDate: Instant.describe('Card expiry; its UTC year and month are what count'),
    cvv: Cvv.optional(),
    lastFourDigits: z.string().max(4).optional(),
    nameOnCard: Name.describe('Not stored'),
    bank: Name.optional(),
    '@baseType': Line.optional(),
    '@schemaLocation': Line.optional(),
  })
  .meta({ id: 'BankCardCreate' });
export type BankCardCreate = z.input<typeof BankCardCreate>;

/** Either create body of POST /paymentMethod. */
export const PaymentMethodCreate = z.union([BankCardCreate, AddCardRequest]);
export type PaymentMethodCreate = z.input<typeof PaymentMethodCreate>;

/**
 * JSON merge-patch of a card on file (`PaymentMethod_Update` subset): only these attributes are patchable; the
 * card itself is immutable (add a new one). `null` clears `description` / `validFor`.
 */
export const PaymentMethodPatch = z
  .object({
    name: Name.min(1).optional(),
    description: Line.nullable().optional(),
    isPreferred: z.boolean().optional().describe('true makes it the default; the default cannot be unset, only replaced'),
    validFor: TimePeriodInput.nullable().optional(),
  })
  .strict()
  .meta({ id: 'PaymentMethodPatch' });
export type PaymentMethodPatch = z.infer<typeof PaymentMethodPatch>;

/** A card on file, as TMF670 `TokenizedCard`. The token itself never leaves the service. */
export const PaymentMethod = z
  .object({
    id: z.string().describe('PM-0001'),
    href: z.url(),
    name: z.string(),
    description: z.string().optional(),
    isPreferred: z.boolean().describe('The default method: exactly one active method per customer'),
    status: PaymentMethodStatus,
    statusDate: z.iso.datetime({ offset: true }).describe('When the method was added, or removed'),
    validFor: TimePeriod.optional(),
    relatedParty: Ref.describe('The owning customer'),
    brand: z.string().describe('visa, mastercard, amex or unknown'),
    lastFourDigits: z.string(),
    expirationDate: z.iso.datetime({ offset: true }).describe('Last instant of the expiry month (UTC)'),
    issuer: z.string().describe('Provider that issued the token, e.g. mock'),
    '@type': z.literal('tokenizedCard'),
    '@baseType': z.literal('PaymentMethod'),
  })
  .meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** A PaymentMethod under a `fields` projection: id, href, @type and TMF670's mandatory name stay. */
export const PaymentMethodFields = PaymentMethod.partial()
  .required({ id: true, href: true, '@type': true, name: true })
  .meta({ id: 'PaymentMethodFields' });
export type PaymentMethodFields = z.infer<typeof PaymentMethodFields>;
