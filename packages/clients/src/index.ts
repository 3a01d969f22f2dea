// @bss/clients: typed HTTP clients for every service, on one base with timeouts and typed errors.
export {
  ConflictError,
  errorFromResponse,
  NotFoundError,
  PolicyViolationError,
  ServiceUnavailableError,
  ValidationError,
} from './errors.ts';
export { createHttpClient, type ClientOptions, type HttpClient, type Page, type RequestSpec } from './http-client.ts';
export * from './catalog.client.ts';
export * from './com.client.ts';
export * from './crm.client.ts';
export * from './payment.client.ts';
export * from './som.client.ts';
export * from './provisioning.client.ts';
export * from './subscription.client.ts';
export * from './inventory.client.ts';
export * from './mediation.client.ts';
export * from './rating.client.ts';
export * from './admin.client.ts';
