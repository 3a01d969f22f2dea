// The cancel gate COM calls before cancelling an in-progress order (scope som:write). 200 with the outcome, or
// 422 order.cancel.forbidden_after_som_started once SOM has started (inventory reserved, tasks requested).
import { som } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import type { CancelService } from '../services/cancel.service.ts';

export function registerCancelRoutes(app: App, cancels: CancelService): void {
  app.post(
    '/som-api/v1/order/:orderId/cancel',
    {
      schema: {
        tags: ['SOM'],
        summary: 'Cancel the service side of a commercial order, if SOM has not started on it',
        description:
          'No service order yet: records a cancelled tombstone so a later order.in_progress reserves nothing (outcome not_started). ' +
          'An acknowledged service order: cancelled and what it holds released (outcome cancelled). Already cancelled: the same answer ' +
          'again. Otherwise 422 order.cancel.forbidden_after_som_started with orderId, serviceOrderId and serviceOrderState. ' +
          'The optional body names the customer (kept on a tombstone) and a reason.',
        params: som.OrderIdParams,
        body: som.CancelForOrderRequest,
        response: { 200: som.CancelForOrderResult, 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req) => cancels.cancelForOrder(req.params.orderId, req.body ?? {}),
  );
}
