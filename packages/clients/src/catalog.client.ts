// Typed client of the catalog service.
export {};
