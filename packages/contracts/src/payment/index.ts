// Wire shapes of the payment API: cards on file (TMF670 PaymentMethod) and charges (TMF676 Payment).
// camelCase, absolute href, @type; money is exact (decimal strings in, TMF Money parsed from them out).
export { Amount, ResourceId } from './shared.ts';
export * from './payment-method.ts';
export * from './payment.ts';
