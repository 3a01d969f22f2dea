// Typed client of the crm service.
export {};
