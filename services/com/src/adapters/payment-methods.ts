// Port to payment: "which card on file would this customer's activation be charged to?". The preferred
// (default) active method, else the newest active one; undefined when the customer has none.
import { createPaymentClient, type ClientOptions } from '@bss/clients';

export interface PaymentMethods {
  chooseFor(customerId: string): Promise<string | undefined>;
}

/** PaymentMethods over TMF670 GET /paymentMethod?customerId= (active methods, newest first). */
export function createHttpPaymentMethods(opts: ClientOptions): PaymentMethods {
  const payment = createPaymentClient(opts);
  return {
    async chooseFor(customerId) {
      const active = (await payment.listMethods(customerId)).filter((m) => m.status === 'active');
      return (active.find((m) => m.isPreferred) ?? active[0])?.id;
    },
  };
}
