// The event catalogue: every event type the services emit → its producer, aggregate, schema version and the
// zod schema of its payload. `outbox.stage` validates each staged payload against it (a mismatch is a bug
// and throws), consumers parse with it, and `pnpm events:doc` renders docs/events.md from it (with each
// event's consumers taken from the queue catalogue in ./topology.ts).
import { z } from 'zod';
import { id, iso, maybeId, maybeIso, money, spec, type EventSpec } from './spec.ts';
import { comEvents } from './com.events.ts';
import { somEvents } from './som.events.ts';
import { provisioningEvents } from './provisioning.events.ts';
import { subscriptionEvents } from './subscription.events.ts';
import { usageEvents } from './usage.events.ts';

export type { EventSpec } from './spec.ts';

// --- catalog -------------------------------------------------------------------------------------------
const priceFacts = { priceId: id, amount: money, currency: z.string(), validFrom: maybeIso, validTo: maybeIso };
const tmfPrice = z.strictObject({
  priceId: id,
  offeringId: maybeId,
  name: z.string(),
  lifecycleStatus: z.string(),
  priceType: z.string(),
  amount: money,
  currency: z.string(),
  validFrom: maybeIso,
  validTo: maybeIso,
});
const tmfSpecification = z.strictObject({ specId: id, name: z.string().nullable(), brand: z.string().nullable(), lifecycleStatus: z.string().nullable() });
const catalogEvents = {
  'catalog.offering.added': spec('catalog', 'product_offering', 'An offering was added with its first price and allowances.', z.strictObject({
    offeringId: id,
    name: z.string(),
    specId: maybeId,
    validFrom: maybeIso,
    validTo: maybeIso,
    price: z.strictObject(priceFacts),
    allowances: z.array(z.strictObject({ allowanceType: z.string(), quantity: z.number(), unit: z.string() })),
  })),
  'catalog.offering.window_changed': spec('catalog', 'product_offering', "An offering's sellable window moved (possibly retiring it).", z.strictObject({
    offeringId: id,
    previous: z.strictObject({ validFrom: maybeIso, validTo: maybeIso }),
    validFrom: maybeIso,
    validTo: maybeIso,
    retired: z.boolean(),
  })),
  'catalog.offering.retired': spec('catalog', 'product_offering', 'An offering stopped being sellable.', z.strictObject({ offeringId: id, validTo: maybeIso })),
  'catalog.price.added': spec('catalog', 'product_offering', 'A new price was added to an offering, closing the prices it replaces.', z.strictObject({
    offeringId: id,
    ...priceFacts,
    closedPriceIds: z.array(id),
  })),
  // TMF620 write front door (POST / PATCH / DELETE on productOffering, productOfferingPrice, productSpecification).
  'catalog.offering.created': spec('catalog', 'product_offering', 'An offering was created through TMF620 (no allowances; listing the given prices).', z.strictObject({
    offeringId: id,
    name: z.string().nullable(),
    specId: maybeId,
    isSellable: z.boolean().nullable(),
    lifecycleStatus: z.string().nullable(),
    validFrom: maybeIso,
    validTo: maybeIso,
    priceIds: z.array(id),
  })),
  'catalog.offering.updated': spec('catalog', 'product_offering', 'An offering was merge-patched through TMF620 (possibly retiring it or listing more prices).', z.strictObject({
    offeringId: id,
    name: z.string().nullable(),
    specId: maybeId,
    isSellable: z.boolean().nullable(),
    lifecycleStatus: z.string().nullable(),
    previous: z.strictObject({ validFrom: maybeIso, validTo: maybeIso, lifecycleStatus: z.string().nullable(), isSellable: z.boolean().nullable() }),
    validFrom: maybeIso,
    validTo: maybeIso,
    retired: z.boolean(),
    attachedPriceIds: z.array(id),
  })),
  'catalog.offering.deleted': spec('catalog', 'product_offering', 'A never-sellable offering was deleted; its prices stay, listed by none.', z.strictObject({
    offeringId: id,
    name: z.string().nullable(),
    detachedPriceIds: z.array(id),
  })),
  'catalog.price.created': spec('catalog', 'product_offering_price', 'A price was created through TMF620, listed by no offering yet.', tmfPrice),
  'catalog.price.updated': spec('catalog', 'product_offering_price', 'A price was merge-patched (name, description, window, retirement; never its charged terms).', tmfPrice.extend({
    previous: z.strictObject({ name: z.string(), lifecycleStatus: z.string(), validFrom: maybeIso, validTo: maybeIso }),
  })),
  'catalog.price.deleted': spec('catalog', 'product_offering_price', 'A price no sellable-ever offering lists was deleted.', tmfPrice),
  'catalog.specification.created': spec('catalog', 'product_specification', 'A product specification was created.', tmfSpecification),
  'catalog.specification.updated': spec('catalog', 'product_specification', 'A product specification was merge-patched.', tmfSpecification),
  'catalog.specification.deleted': spec('catalog', 'product_specification', 'A product specification no offering used was deleted.', tmfSpecification),
};

// --- crm: customers, cases, tickets ------------------------------------------------------------------------
const medium = z.strictObject({ customerId: id, cmId: id, mediumType: z.string() });
const changed = z.record(z.string(), z.strictObject({ from: z.unknown(), to: z.unknown() }));
const caseTransition = z.strictObject({ caseId: id, customerId: id, trigger: z.string(), fromState: z.string(), toState: z.string() });
const ticketTransition = z.strictObject({
  ticketId: id,
  customerId: id,
  trigger: z.string(),
  fromState: z.string(),
  toState: z.string(),
  cascadeFromCase: z.literal(true).optional(),
});
const CASE_TRIGGERS = ['take', 'await_customer', 'resume', 'resolve', 'close', 'cancel'] as const;
const TICKET_TRIGGERS = ['ack', 'start', 'wait', 'resume', 'resolve', 'close', 'reopen', 'cancel'] as const;
const transitions = <T extends string, P extends z.ZodType>(prefix: string, triggers: readonly T[], aggregate: string, payload: P) =>
  Object.fromEntries(triggers.map((t) => [`${prefix}.${t}`, spec('crm', aggregate, `The ${aggregate} moved by trigger \`${t}\`.`, payload)])) as Record<`${string}.${T}`, EventSpec<P>>;

const crmEvents = {
  'customer.created': spec('crm', 'customer', 'A customer was created.', z.strictObject({ customerId: id, givenName: z.string(), familyName: z.string(), status: z.string() })),
  'customer.updated': spec('crm', 'customer', "A customer's fields or status changed.", z.strictObject({ customerId: id, fieldsUpdated: z.array(z.string()), fromStatus: z.string(), toStatus: z.string() })),
  'customer.contact_medium_added': spec('crm', 'customer', 'A contact medium was added.', medium),
  'customer.contact_medium_updated': spec('crm', 'customer', 'A contact medium was changed.', medium),
  'customer.contact_medium_removed': spec('crm', 'customer', 'A contact medium was removed.', medium),
  'customer.deleted': spec('crm', 'customer', 'A customer was deleted (TMF629 DELETE): gone from every lookup, its live mediums ended.', z.strictObject({ customerId: id, status: z.string() })),
  'customer.individual_updated': spec('crm', 'customer', "The customer's person (names, date of birth) changed.", z.strictObject({ customerId: id, fields: z.array(z.string()) })),
  'customer.kyc_attested': spec('crm', 'customer', 'A signed KYC attestation verified the customer; never carries the document number.', z.strictObject({
    customerId: id,
    provider: z.string(),
    documentType: z.string(),
    documentCountry: z.string(),
    kycStatus: z.literal('verified'),
  })),
  'case.opened': spec('crm', 'case', 'A case was opened.', z.strictObject({ caseId: id, customerId: id, subject: z.string() })),
  ...transitions('case', CASE_TRIGGERS, 'case', caseTransition),
  'case.updated': spec('crm', 'case', 'Case fields changed (only when something did).', z.strictObject({ caseId: id, changed })),
  'case.note_added': spec('crm', 'case', 'A note was added to a case.', z.strictObject({ caseId: id, noteId: id })),
  'ticket.opened': spec('crm', 'ticket', 'A trouble ticket was opened.', z.strictObject({ ticketId: id, customerId: id, caseId: maybeId, subject: z.string() })),
  ...transitions('ticket', TICKET_TRIGGERS, 'ticket', ticketTransition),
  'ticket.updated': spec('crm', 'ticket', 'Ticket fields changed.', z.strictObject({ ticketId: id, changed })),
  'ticket.deleted': spec('crm', 'ticket', 'A ticket nobody worked on was deleted (TMF621 DELETE); the payload keeps what it was.', z.strictObject({
    ticketId: id,
    customerId: id,
    caseId: maybeId,
    subject: z.string(),
  })),
};

// --- crm: inventory (MSISDN pool, eSIM profiles) and number porting ---------------------------------------------
const msisdnBase = { msisdn: z.string(), status: z.string(), subscriptionId: maybeId, customerId: maybeId };
const esimBase = {
  iccid: z.string(),
  imsi: z.string(),
  profileState: z.string(),
  msisdn: z.string().nullable(),
  subscriptionId: maybeId,
  customerId: maybeId,
  downloadedAt: maybeIso,
  activatedAt: maybeIso,
};
const esimMoved = z.strictObject({
  ...esimBase,
  previousState: z.string(),
  previousMsisdn: z.string().nullable(),
  previousSubscriptionId: maybeId,
  previousCustomerId: maybeId,
});
const portBase = {
  portRequestId: id,
  direction: z.enum(['port_in', 'port_out']),
  donorCarrier: z.string(),
  donorMsisdn: z.string(),
  msisdn: z.string(),
  targetSubscriptionId: maybeId,
  targetCustomerId: maybeId,
  state: z.string(),
};
const inventoryEvents = {
  'inventory.msisdn.reserved': spec('crm', 'msisdn_pool', 'A number was reserved for an order.', z.strictObject(msisdnBase)),
  'inventory.msisdn.assigned': spec('crm', 'msisdn_pool', 'A number was assigned to a subscription.', z.strictObject({ ...msisdnBase, iccid: z.string().nullable() })),
  'inventory.msisdn.released': spec('crm', 'msisdn_pool', 'A number went back to the pool.', z.strictObject({
    ...msisdnBase,
    previousStatus: z.string(),
    previousSubscriptionId: maybeId,
    previousCustomerId: maybeId,
    unboundIccid: z.string().nullable(),
  })),
  'inventory.msisdn.pool_low': spec('crm', 'msisdn_pool', 'Available numbers fell to the threshold.', z.strictObject({ available: z.number().int(), threshold: z.number().int() })),
  'inventory.msisdn.range_added': spec('crm', 'msisdn_pool', 'A number range was added (idempotently).', z.strictObject({
    prefix: z.string(),
    count: z.number().int(),
    inserted: z.number().int(),
    skipped: z.number().int(),
    first: z.string(),
    last: z.string(),
  })),
  'inventory.msisdn.seeded_from_port_in': spec('crm', 'msisdn_pool', 'A ported-in number joined the pool.', z.strictObject({
    msisdn: z.string(),
    donorCarrier: z.string(),
    portRequestId: id,
    targetSubscriptionId: maybeId,
    targetCustomerId: maybeId,
    status: z.string(),
  })),
  'inventory.msisdn.ported_out': spec('crm', 'msisdn_pool', 'A number left for another carrier (terminal).', z.strictObject({
    msisdn: z.string(),
    donorCarrier: z.string(),
    portRequestId: id,
    targetSubscriptionId: maybeId,
    customerId: maybeId,
    portedOutAt: iso,
  })),
  'inventory.msisdn.created': spec('crm', 'msisdn_pool', 'One number joined the pool as operator stock (TMF639 POST).', z.strictObject({ ...msisdnBase, origin: z.string() })),
  'inventory.msisdn.deleted': spec('crm', 'msisdn_pool', 'An available, never-assigned number left the pool (TMF639 DELETE).', z.strictObject(msisdnBase)),
  'inventory.esim.created': spec('crm', 'esim_profile', 'One profile joined the pool (TMF639 POST); never carries ki_ref.', z.strictObject(esimBase)),
  'inventory.esim.deleted': spec('crm', 'esim_profile', 'An available, never-assigned profile left the pool (TMF639 DELETE).', z.strictObject(esimBase)),
  'inventory.esim.reserved': spec('crm', 'esim_profile', 'An eSIM profile was reserved; never carries ki_ref or the activation code.', z.strictObject(esimBase)),
  'inventory.esim.msisdn_assigned': spec('crm', 'esim_profile', 'A number was bound to the profile.', z.strictObject({ ...esimBase, previousMsisdn: z.string().nullable() })),
  'inventory.esim.downloaded': spec('crm', 'esim_profile', 'The device downloaded the profile.', esimMoved),
  'inventory.esim.activated': spec('crm', 'esim_profile', 'The profile attached to the network.', esimMoved),
  'inventory.esim.recycled': spec('crm', 'esim_profile', 'A used profile went back to the pool, links cleared.', esimMoved),
  'inventory.esim.released': spec('crm', 'esim_profile', 'An unused reservation was given back, links cleared.', esimMoved),
  'inventory.msisdn.reservation_expired': spec('crm', 'msisdn_pool', 'A reservation no subscription took within the TTL went back to the pool.', z.strictObject({
    ...msisdnBase,
    reservedAt: maybeIso,
    unboundIccid: z.string().nullable(),
  })),
  'inventory.esim.reservation_expired': spec('crm', 'esim_profile', 'A profile reservation no subscription took within the TTL went back to the pool.', z.strictObject({
    ...esimBase,
    reservedAt: maybeIso,
    previousMsisdn: z.string().nullable(),
    previousCustomerId: maybeId,
  })),
  'port_request.created': spec('crm', 'port_request', 'A number port was requested.', z.strictObject({ ...portBase, requestedPortDate: z.string() })),
  'port_request.validated': spec('crm', 'port_request', 'Donor checks passed.', z.strictObject({ ...portBase, previousState: z.string() })),
  'port_request.approved': spec('crm', 'port_request', 'The port was approved and applied to the pool; a port-out tells the subscription service to terminate the line.', z.strictObject({
    ...portBase,
    previousState: z.string(),
    subscriptionId: maybeId,
    customerId: maybeId,
    terminationReason: z.literal('ported_out').optional(),
    releaseInventory: z.literal(false).optional(),
  })),
  'port_request.completed': spec('crm', 'port_request', 'The port completed.', z.strictObject({ ...portBase, previousState: z.string() })),
  'port_request.rejected': spec('crm', 'port_request', 'The port was refused before approval.', z.strictObject({ ...portBase, previousState: z.string(), reason: z.string().nullable() })),
};

// --- payment --------------------------------------------------------------------------------------------------
const charge = z.strictObject({
  paymentId: id,
  customerId: id,
  paymentMethodId: id,
  amount: money,
  currency: z.string(),
  purpose: z.string(),
  status: z.enum(['approved', 'declined', 'errored']),
  idempotencyKey: z.string(),
  gatewayRef: z.string().nullable(),
  declineCode: z.string().nullable(),
});
const paymentEvents = {
  'payment.charged': spec('payment', 'payment', 'A charge was approved in full.', charge),
  'payment.declined': spec('payment', 'payment', 'A charge was declined (never retried).', charge),
  'payment.errored': spec('payment', 'payment', 'The gateway call failed; no money moved.', charge),
  'payment_method.added': spec('payment', 'payment_method', 'A card was put on file; never the number or token.', z.strictObject({
    paymentMethodId: id,
    customerId: id,
    brand: z.string(),
    last4: z.string(),
    tokenizationProvider: z.string(),
    isDefault: z.boolean(),
  })),
  'payment_method.removed': spec('payment', 'payment_method', 'A card was removed; a remaining card may be promoted to default.', z.strictObject({
    paymentMethodId: id,
    customerId: id,
    last4: z.string(),
    promotedDefaultId: maybeId,
  })),
  'payment_method.default_changed': spec('payment', 'payment_method', 'The default card changed.', z.strictObject({
    paymentMethodId: id,
    customerId: id,
    last4: z.string(),
    previousDefaultId: maybeId,
    cause: z.enum(['set_default', 'promoted_on_remove']),
  })),
  'payment_method.updated': spec('payment', 'payment_method', "A merge-patch changed a card's name, description or validity period (the card itself is immutable).", z.strictObject({
    paymentMethodId: id,
    customerId: id,
    changed: z.array(z.enum(['name', 'description', 'validFrom', 'validTo'])),
  })),
};

// --- every service ------------------------------------------------------------------------------------------------
const adminEvents = {
  'admin.operational_data_reset': spec('*', 'service', "An operator reset a service's operational data.", z.strictObject({ service: z.string(), schemas: z.array(z.string()) })),
  'admin.events.requeued': spec('*', 'queue', 'An operator moved parked messages back to their queue.', z.strictObject({
    queue: z.string(),
    mode: z.enum(['one', 'all']),
    count: z.number().int(),
    eventIds: z.array(z.string().nullable()).describe('The first ids moved (bounded)'),
  })),
  'admin.events.republished': spec('*', 'outbox', 'An operator had outbox rows published again (consumers dedupe through their inbox).', z.strictObject({
    from: iso.optional(),
    to: iso.optional(),
    count: z.number().int(),
    alreadyPending: z.number().int(),
    eventIds: z.array(z.string()).describe('The first ids reset (bounded)'),
  })),
};

/** Every event type the services stage. */
export const EVENT_CATALOG = {
  ...catalogEvents,
  ...crmEvents,
  ...inventoryEvents,
  ...paymentEvents,
  ...comEvents,
  ...somEvents,
  ...provisioningEvents,
  ...subscriptionEvents,
  ...usageEvents,
  ...adminEvents,
} satisfies Record<string, EventSpec>;

/** A catalogued event type. */
export type EventType = keyof typeof EVENT_CATALOG;
/** The payload of event type `T`. */
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]['payload']>;

/** The catalogue entry of `eventType`, if it is catalogued. */
export function eventSpec(eventType: string): EventSpec | undefined {
  return Object.hasOwn(EVENT_CATALOG, eventType) ? (EVENT_CATALOG as Record<string, EventSpec>)[eventType] : undefined;
}

/** The JSON Schema of an event's payload (for docs/events.md and other tooling without zod of its own). */
export function payloadJsonSchema(spec: EventSpec): Record<string, unknown> {
  return z.toJSONSchema(spec.payload, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
