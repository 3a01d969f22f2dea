// Typed client of the payment service.
export {};
