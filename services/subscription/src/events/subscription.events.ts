// Event builders of the activation: subscription.activated | subscription.activation_declined. Both carry the
// order id as correlationId, so every event of an order's flow shares it.
import type { NewEvent } from '@bss/events';
import type { ActivationRow, SubscriptionRow } from '../schema.ts';

export function subscriptionActivated(row: SubscriptionRow, orderId: string, paymentId: string): NewEvent<'subscription.activated'> {
  return {
    eventType: 'subscription.activated',
    aggregateType: 'subscription',
    aggregateId: row.id,
    correlationId: orderId,
    payload: {
      subscriptionId: row.id,
      orderId,
      customerId: row.customerId,
      offeringId: row.offeringId,
      msisdn: row.msisdn,
      iccid: row.iccid,
      paymentId,
      amountCharged: row.priceAmount,
      currency: row.priceCurrency,
      periodStart: row.currentPeriodStart!.toISOString(),
      periodEnd: row.currentPeriodEnd!.toISOString(),
    },
  };
}

/** A declined (or refused) activation: no subscription exists, so the aggregate is the order. */
export function activationDeclined(row: ActivationRow, serviceOrderId: string): NewEvent<'subscription.activation_declined'> {
  return {
    eventType: 'subscription.activation_declined',
    aggregateType: 'product_order',
    aggregateId: row.orderId,
    correlationId: row.orderId,
    payload: {
      orderId: row.orderId,
      customerId: row.customerId,
      offeringId: row.offeringId,
      serviceOrderId,
      paymentId: row.paymentId,
      reason: row.reason ?? 'activation_declined',
      declineCode: row.declineCode,
    },
  };
}
