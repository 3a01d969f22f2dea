// HTTP for subscriptions (`/subscription-api/v1/subscription`, camelCase): validate, call the service, shape
// the reply. Nothing else.
import { subscription as c } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import { z } from 'zod';
import { SUBSCRIPTION_PATH } from '../domain/subscription.mapper.ts';
import type { SubscriptionService } from '../services/subscription.service.ts';

const tags = ['Subscription'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerSubscriptionRoutes(app: App, subs: SubscriptionService): void {
  app.post(
    SUBSCRIPTION_PATH,
    {
      schema: {
        tags,
        summary: 'Create (activate) a subscription for a commercial order',
        description:
          'The operator path of the activation the pipeline runs on service_order.completed, with the same policies: the customer ' +
          'is active or pending (subscription.create.requires_customer), the offering exists (subscription.create.requires_offering), ' +
          'the number and eSIM are reserved for this line (subscription.create.msisdn_and_esim_reserved), a price is known ' +
          '(priceSnapshot, else the active recurring price: subscription.create.requires_active_price), and the activation charge ' +
          'is approved (subscription.create.requires_payment_success; a refusal from payment answers its own rule). Idempotent on ' +
          'commercialOrderId: the order\'s subscription is returned again (200, header idempotent-replayed: true) and charged once ' +
          '(key activation:<orderId>).',
        body: c.CreateSubscriptionRequest,
        response: { 200: c.Subscription, 201: c.Subscription, ...errors, 409: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const { subscription, replayed } = await subs.create(req.body);
      // A replay answers 200 like payment's charge replay (the reference said 201 either way).
      if (replayed) return reply.header('idempotent-replayed', 'true').code(200).send(subscription);
      return reply.code(201).header('location', subscription.href).send(subscription);
    },
  );

  app.get(
    SUBSCRIPTION_PATH,
    {
      schema: {
        tags,
        summary: "A customer's subscriptions, newest first (with balances)",
        querystring: c.SubscriptionListQuery,
        response: { 200: z.array(c.Subscription), ...errors },
      },
    },
    async (req) => subs.listForCustomer(req.query.customerId),
  );

  app.get(
    `${SUBSCRIPTION_PATH}/by-msisdn/:msisdn`,
    {
      schema: {
        tags,
        summary: 'The subscription holding an MSISDN (terminated lines gave theirs back)',
        params: c.MsisdnParams,
        response: { 200: c.Subscription, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => subs.getByMsisdn(req.params.msisdn),
  );

  app.get(
    `${SUBSCRIPTION_PATH}/:subscriptionId`,
    {
      schema: { tags, summary: 'Get a subscription with its balances', params: c.SubscriptionIdParams, response: { 200: c.Subscription, ...errors, 404: ErrorEnvelope } },
    },
    async (req) => subs.get(req.params.subscriptionId),
  );

  app.get(
    `${SUBSCRIPTION_PATH}/:subscriptionId/balance`,
    {
      schema: {
        tags,
        summary: 'The bundle balances of the current period (-1 = unlimited); [] for a plan without allowances',
        params: c.SubscriptionIdParams,
        response: { 200: z.array(c.BundleBalance), ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => subs.balances(req.params.subscriptionId),
  );

  app.get(
    `${SUBSCRIPTION_PATH}/:subscriptionId/esim`,
    {
      schema: {
        tags,
        summary: "The line's eSIM: ICCID, number and the LPA activation code a device installs it with",
        params: c.SubscriptionIdParams,
        response: { 200: c.SubscriptionEsim, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => subs.esim(req.params.subscriptionId),
  );

  app.post(
    `${SUBSCRIPTION_PATH}/:subscriptionId/vas-purchase`,
    {
      schema: {
        tags,
        summary: 'Buy a VAS top-up, charged to the card on file',
        description:
          'Charges the VAS price to the preferred active card (key vas:<subscriptionId>:<idempotencyKey>; the same key again answers ' +
          'the first purchase with 200 and idempotent-replayed: true) and adds the allowance: a finite top-up adds its quantity, a day ' +
          'pass (quantity -1) makes the balance unlimited until it expires. A line blocked because its data ran out is unblocked only ' +
          'when the top-up restores data. Rules: subscription.not_found, subscription.vas_purchase.not_if_terminated, ' +
          'subscription.vas_purchase.renewal_required (blocked for a declined renewal), subscription.vas_purchase.vas_offering_sellable, ' +
          'subscription.vas_purchase.requires_active_cof (no active card, or the charge was not approved).',
        params: c.SubscriptionIdParams,
        body: c.VasPurchaseRequest,
        response: { 200: c.VasPurchase, 201: c.VasPurchase, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const { purchase, replayed } = await subs.purchaseVas(req.params.subscriptionId, req.body);
      if (replayed) return reply.header('idempotent-replayed', 'true').code(200).send(purchase);
      return reply.code(201).send(purchase);
    },
  );

  app.post(
    `${SUBSCRIPTION_PATH}/:subscriptionId/renew`,
    {
      schema: {
        tags,
        summary: 'Renew now at the snapshot price (a blocked line, or an active one that is due)',
        description:
          'Charges the snapshot price (or, at its effective date, the scheduled plan change / price migration snapshotted when it was ' +
          'scheduled; never the live catalog price) to the preferred active card with key renewal:<id>:<periodStart>:<attempt>. Approved: ' +
          'a new period with fresh balances (top-ups end), blocked lines are unblocked. Declined: outcome declined, the line is ' +
          'blocked (renewal_payment_declined), no retry. Rules: subscription.not_found, subscription.renew.only_if_active_or_blocked, ' +
          'subscription.renew.not_due (an active line before next_renewal_at), subscription.renew.no_payment_method, ' +
          'subscription.renew.requires_offering.',
        params: c.SubscriptionIdParams,
        response: { 200: c.RenewalResult, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req) => subs.renew(req.params.subscriptionId),
  );

  app.post(
    `${SUBSCRIPTION_PATH}/:subscriptionId/terminate`,
    {
      schema: {
        tags,
        summary: 'Terminate a line: the number is released (quarantined by inventory), the eSIM returned',
        description:
          'From active or blocked (subscription.terminate.invalid_state otherwise; subscription.not_found). Inventory writes are keyed ' +
          'terminate:<id>:msisdn|esim, so a retry replays them. No refund (prepaid). A port-out terminates through the ' +
          'port_request.approved event instead (reason ported_out, the number is not released).',
        params: c.SubscriptionIdParams,
        body: c.TerminateRequest,
        response: { 200: c.Subscription, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req) => subs.terminate(req.params.subscriptionId, req.body ?? {}),
  );

  app.post(
    `${SUBSCRIPTION_PATH}/:subscriptionId/schedule-plan-change`,
    {
      schema: {
        tags,
        summary: 'Schedule a plan change for the next renewal (no proration, no charge now)',
        description:
          'The target\'s active price is snapshotted now and charged at the renewal on or after next_renewal_at. Rules: ' +
          'subscription.not_found, subscription.plan_change.not_eligible_state (not active), subscription.plan_change.same_offering, ' +
          'subscription.plan_change.already_pending, subscription.plan_change.target_not_sellable_now, subscription.plan_change.target_no_active_price.',
        params: c.SubscriptionIdParams,
        body: c.SchedulePlanChangeRequest,
        response: { 200: c.Subscription, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req) => subs.schedulePlanChange(req.params.subscriptionId, req.body.newOfferingId),
  );

  app.post(
    `${SUBSCRIPTION_PATH}/:subscriptionId/cancel-plan-change`,
    {
      schema: {
        tags,
        summary: 'Cancel the pending plan change or price migration (a no-op when none is pending)',
        params: c.SubscriptionIdParams,
        response: { 200: c.Subscription, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => subs.cancelPlanChange(req.params.subscriptionId),
  );

  app.post(
    '/subscription-api/v1/admin/subscription/migrate-price',
    {
      // a pricing decision: the operator's catalog administration, never a portal's
      config: { scope: 'catalog:admin' },
      schema: {
        tags,
        summary: 'Operator price migration: every live line on the offering moves to a new price after a notice period',
        description:
          'Each active or blocked line on offeringId gets newPriceId (amount snapshotted now) effective at effectiveFrom + noticeDays, ' +
          'applied at its first renewal from then; subscription.price_migration_scheduled per line (the notice). Lines with a pending ' +
          'plan change keep it. Rules: subscription.migrate_price.unknown_price, subscription.migrate_price.price_not_on_offering, ' +
          'subscription.migrate_price.effective_in_past.',
        body: c.PriceMigrationRequest,
        response: { 200: c.PriceMigrationResult, ...errors, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req) => subs.migratePrice(req.body),
  );
}
