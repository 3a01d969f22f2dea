// Wire shapes of the COM API: TMF622 ProductOrder / CancelProductOrder and the /com-api/v1 order view.
export * from './product-order.ts';
export * from './order.ts';
