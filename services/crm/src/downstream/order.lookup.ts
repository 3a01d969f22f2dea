// The seam through which CRM will ask the order service (COM, TMF622) for a customer's open orders, used by the
// customer DELETE guard. COM does not exist yet, so the production lookup honestly has nothing to ask and answers
// "none": no order can exist before the service that takes orders does. When COM lands, replace
// `noOrderService` by an HTTP lookup (as subscription.lookup.ts does) — the guard and its test stay as they are.
/** What CRM needs to know about a customer's orders. */
export interface OrderLookup {
  /** Ids of the customer's orders that are not yet completed, failed or cancelled. */
  openOrderIds(customerId: string): Promise<string[]>;
}

/** Production lookup until the order service exists: there are no orders, so none is open. */
export const noOrderService: OrderLookup = {
  async openOrderIds() {
    return [];
  },
};
