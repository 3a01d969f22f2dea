// The one synchronous step of the order pipeline (DECISIONS.md 2026-12-01): before COM cancels an order that
// is in progress, SOM decides under its own row lock whether fulfilment has started. SOM answers 200
// { orderId, serviceOrderId, outcome } — `not_started` (it recorded a tombstone: a late order.in_progress
// reserves nothing) or `cancelled` (it cancelled an acknowledged service order and released what it held) —
// or 422 `order.cancel.forbidden_after_som_started` with { orderId, serviceOrderId, serviceOrderState }.
import { createHttpClient, PolicyViolationError, type ClientOptions } from '@bss/clients';
import { z } from 'zod';

export const SOM_CANCEL_FORBIDDEN = 'order.cancel.forbidden_after_som_started';

export type SomCancelVerdict =
  | { outcome: 'cancelled' | 'not_started'; serviceOrderId: string | null }
  | { outcome: 'refused'; serviceOrderId: string | null; serviceOrderState: string | null };

/** Asks SOM to stop fulfilment of `orderId`; transport failures raise (→ 503, the order stays as it was). */
export interface SomGate {
  cancel(orderId: string): Promise<SomCancelVerdict>;
}

const SomCancelAnswer = z.object({
  orderId: z.string(),
  serviceOrderId: z.string().nullable(),
  outcome: z.enum(['cancelled', 'not_started']),
});

/** SomGate over HTTP `POST /som-api/v1/order/{orderId}/cancel` (scope som:write). */
export function createHttpSomGate(opts: ClientOptions): SomGate {
  const http = createHttpClient('som', opts);
  return {
    async cancel(orderId) {
      try {
        const answer = await http.request(SomCancelAnswer, { method: 'POST', path: `/som-api/v1/order/${encodeURIComponent(orderId)}/cancel` });
        return { outcome: answer.outcome, serviceOrderId: answer.serviceOrderId };
      } catch (err) {
        if (err instanceof PolicyViolationError && err.rule === SOM_CANCEL_FORBIDDEN) {
          const str = (v: unknown) => (typeof v === 'string' ? v : null);
          return { outcome: 'refused', serviceOrderId: str(err.context.serviceOrderId), serviceOrderState: str(err.context.serviceOrderState) };
        }
        throw err;
      }
    },
  };
}
