// Wire shapes of the subscription API (`/subscription-api/v1`, camelCase; `atType` as the reference kept it).
// `SubscriptionSummary` is the part other services already parse from `GET /subscription?customerId=` (CRM's
// customer-close guard, payment's last-card rule): the list answers full subscriptions, but those consumers read
// only id, customerId and state, so the full shape can grow without breaking them.
import { z } from 'zod';
import { Id } from '../common/limits.ts';
import { Amount, Currency, IdempotencyKey, ResourceId } from '../payment/shared.ts';

/** Subscription lifecycle state. */
export const SubscriptionState = z.enum(['pending', 'active', 'blocked', 'terminated']);
export type SubscriptionState = z.infer<typeof SubscriptionState>;

/** The fields every consumer of the customer list relies on (the original minimal contract). */
export const SubscriptionSummary = z
  .object({
    id: z.string().describe('Prefixed id, e.g. SUB-7k3m9x2q4w8e1r5t6y0z'),
    customerId: z.string().describe('Owning customer, e.g. CUST-1a2b3c4d'),
    state: SubscriptionState,
  })
  .meta({ id: 'SubscriptionSummary' });
export type SubscriptionSummary = z.infer<typeof SubscriptionSummary>;

/** The allowance kinds a balance tracks. */
export const AllowanceType = z.enum(['data', 'voice', 'sms', 'data_roaming']);
export type AllowanceType = z.infer<typeof AllowanceType>;

const instant = () => z.iso.datetime({ offset: true });

/** One bundle balance of the current period; -1 total/remaining = unlimited. */
export const BundleBalance = z
  .object({
    id: z.string().describe('<subscriptionId>-<TYPE>, e.g. SUB-…-DATA'),
    subscriptionId: z.string(),
    allowanceType: AllowanceType,
    total: z.number().int().describe('-1 = unlimited'),
    consumed: z.number().int(),
    remaining: z.number().int().describe('total − consumed, never below 0; -1 when unlimited'),
    unit: z.string().describe('mb, minutes or count'),
    periodStart: instant(),
    periodEnd: instant(),
    unlimitedUntil: instant().nullable().optional().describe('A day pass: the balance is unlimited until then (usage is counted, the bundle not drawn down)'),
  })
  .meta({ id: 'BundleBalance' });
export type BundleBalance = z.infer<typeof BundleBalance>;

/** A subscription with its balances. Optional attributes without a value are null (a camelCase, non-TMF API). */
export const Subscription = SubscriptionSummary.extend({
  href: z.string(),
  offeringId: z.string(),
  commercialOrderId: z.string().nullable().describe('The order that created the line; null for an operator create without one'),
  msisdn: z.string(),
  iccid: z.string(),
  cfsServiceId: z.string().nullable(),
  stateReason: z.string().nullable().describe('Reason of the last transition, e.g. activation_payment_approved'),
  activatedAt: instant().nullable(),
  currentPeriodStart: instant().nullable(),
  currentPeriodEnd: instant().nullable(),
  nextRenewalAt: instant().nullable(),
  terminatedAt: instant().nullable(),
  priceAmount: z.string().describe('The price snapshot charged each period, e.g. "25.00"'),
  priceCurrency: z.string(),
  priceOfferingPriceId: z.string(),
  paymentMethodId: z.string().describe('The card on file the line was activated with'),
  activationPaymentId: z.string().nullable(),
  pendingOfferingId: z.string().nullable(),
  pendingOfferingPriceId: z.string().nullable(),
  pendingEffectiveAt: instant().nullable(),
  balances: z.array(BundleBalance),
  atType: z.literal('Subscription'),
}).meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof Subscription>;

/** What a device needs to install the line's eSIM (LPA activation code; no secret material). */
export const SubscriptionEsim = z
  .object({
    subscriptionId: z.string(),
    iccid: z.string(),
    msisdn: z.string(),
    activationCode: z.string().nullable().describe('LPA:1$<smdp>$<matchingId>'),
    smdpServer: z.string().nullable(),
    matchingId: z.string().nullable(),
  })
  .meta({ id: 'SubscriptionEsim' });
export type SubscriptionEsim = z.infer<typeof SubscriptionEsim>;

const Msisdn = z.string().max(15).regex(/^[0-9]{6,15}$/, '6–15 digits');
const Iccid = z.string().max(22).regex(/^[0-9]{18,22}$/, '18–22 digits');

/** The price an order was placed at (the event's `priceSnapshot`). */
export const PriceSnapshotInput = z.object({
  priceId: ResourceId.describe('The offering price, e.g. PRICE_PLAN_M'),
  amount: Amount,
  currency: Currency,
});

/**
 * Operator create: the same use-case as an order's activation. Without `priceSnapshot` the offering's active
 * recurring price is charged. `commercialOrderId` is required (the reference made it optional and a retried
 * create charged twice): it keys the charge and makes the create idempotent — the order's subscription is
 * returned again (200) and nothing is charged twice.
 */
export const CreateSubscriptionRequest = z
  .object({
    customerId: ResourceId,
    offeringId: ResourceId,
    msisdn: Msisdn,
    iccid: Iccid,
    paymentMethodId: ResourceId,
    priceSnapshot: PriceSnapshotInput.optional(),
    commercialOrderId: ResourceId.describe('The order this line is for; the idempotency of the create'),
  })
  .meta({ id: 'CreateSubscriptionRequest' });
export type CreateSubscriptionRequest = z.infer<typeof CreateSubscriptionRequest>;

export const SubscriptionIdParams = z.object({ subscriptionId: Id.describe('e.g. SUB-…') });
export const MsisdnParams = z.object({ msisdn: Msisdn });
export const SubscriptionListQuery = z.object({ customerId: Id.describe('Owning customer (required)') });

/** A VAS top-up: charged to the card on file; the same idempotencyKey again returns the first purchase. */
export const VasPurchaseRequest = z
  .object({
    vasOfferingId: ResourceId.describe('e.g. VAS_DATA_1GB'),
    idempotencyKey: IdempotencyKey.optional().describe('Caller-chosen key: a retry returns the first purchase and never charges twice'),
  })
  .meta({ id: 'VasPurchaseRequest' });
export type VasPurchaseRequest = z.infer<typeof VasPurchaseRequest>;

/** One VAS purchase and the line after it. */
export const VasPurchase = z
  .object({
    id: z.string().describe('VAS-…'),
    subscriptionId: z.string(),
    vasOfferingId: z.string(),
    paymentId: z.string(),
    amountCharged: z.string(),
    currency: z.string(),
    allowanceType: AllowanceType,
    quantity: z.number().int().describe('-1 = unlimited until expiresAt (a day pass)'),
    unit: z.string(),
    purchasedAt: instant(),
    expiresAt: instant().nullable(),
    expiredAt: instant().nullable(),
    unblocked: z.boolean().describe('true when this top-up restored the exhausted data allowance and unblocked the line'),
    subscription: Subscription,
  })
  .meta({ id: 'VasPurchase' });
export type VasPurchase = z.infer<typeof VasPurchase>;

/** The outcome of a renewal: a declined charge is an answer too (the line is blocked, no retry). */
export const RenewalResult = z
  .object({
    outcome: z.enum(['renewed', 'declined']),
    paymentId: z.string().nullable(),
    paymentStatus: z.string().nullable(),
    subscription: Subscription,
  })
  .meta({ id: 'RenewalResult' });
export type RenewalResult = z.infer<typeof RenewalResult>;

/** What one renewal worker pass did (subscription ids per outcome). */
export const RenewalSweepReport = z
  .object({
    renewed: z.array(z.string()),
    declined: z.array(z.string()),
    skipped: z.array(z.string()),
    reminded: z.array(z.string()),
    vasExpiryApplied: z.array(z.string()),
    failed: z.array(z.object({ subscriptionId: z.string(), error: z.string() })),
  })
  .meta({ id: 'RenewalSweepReport' });
export type RenewalSweepReport = z.infer<typeof RenewalSweepReport>;

/** Why an operator or customer terminates a line (`ported_out` is set only by a port-out). */
export const TerminationReason = z.enum(['customer_requested', 'operator_requested', 'fraud', 'deceased', 'other']);
export const TerminateRequest = z
  .object({ reason: TerminationReason.optional().describe('customer_requested when omitted') })
  .meta({ id: 'TerminateRequest' });
export type TerminateRequest = z.infer<typeof TerminateRequest>;

export const SchedulePlanChangeRequest = z.object({ newOfferingId: ResourceId.describe('e.g. PLAN_L') }).meta({ id: 'SchedulePlanChangeRequest' });
export type SchedulePlanChangeRequest = z.infer<typeof SchedulePlanChangeRequest>;

/** Operator price migration of every live line on an offering. */
export const PriceMigrationRequest = z
  .object({
    offeringId: ResourceId,
    newPriceId: ResourceId,
    effectiveFrom: z.iso.datetime({ offset: true }).max(40).describe('Not before now; the new price applies from effectiveFrom + noticeDays, at each line\'s first renewal from then'),
    noticeDays: z.number().int().min(0).max(365).default(30),
  })
  .meta({ id: 'PriceMigrationRequest' });
export type PriceMigrationRequest = z.infer<typeof PriceMigrationRequest>;

export const PriceMigrationResult = z
  .object({
    count: z.number().int(),
    subscriptionIds: z.array(z.string()),
    skippedPendingPlanChange: z.array(z.string()).describe('Lines whose customer scheduled a plan change: they keep it'),
    effectiveAt: instant(),
  })
  .meta({ id: 'PriceMigrationResult' });
export type PriceMigrationResult = z.infer<typeof PriceMigrationResult>;

export {
  AppliedCustomerBillingRate,
  AppliedCustomerBillingRateFields,
  CustomerBill,
  CustomerBillFields,
  CustomerBillFieldsQuery,
  CustomerBillListQuery,
  CustomerBillParams,
} from './customer-bill.ts';
export { isLiveSubscription, LIVE_SUBSCRIPTION_STATES } from './live.ts';
