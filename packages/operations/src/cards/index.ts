// The ASCII cards: pure payload → string renderers, no terminal markup, every line within the given width.
export { renderCase, renderTicket, type CaseView } from './case.card.ts';
export { renderCustomer360, type Customer360 } from './customer-360.card.ts';
export { renderEsimActivation, type EsimActivationView } from './esim.card.ts';
export { renderOrderTree, type OrderView, type ServiceOrderView, type ServiceView, type TaskView } from './order-tree.card.ts';
export { renderPlanComparison } from './plan-comparison.card.ts';
export { renderPortRequest, renderPortRequestList } from './port-request.card.ts';
export { qrLines } from './qr.ts';
export { renderSubscription, type BalanceView, type SubscriptionView } from './subscription.card.ts';
export { table, type Column } from './table.ts';
export { textWidth } from './text.ts';
