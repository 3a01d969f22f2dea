// Typed client of the subscription service.
export {};
