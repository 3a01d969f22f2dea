// @bss/config: zod-parsed environment, the service directory and the perimeter's identities and scopes.
export { ConfigError, envFlag, envPort, parseEnv, type ConfigIssue } from './env.ts';
export { envStem, isServiceName, SERVICE_NAMES, SERVICE_PORTS, type ServiceName } from './services.ts';
export { DEFAULT_TENANT, deriveSystemToken, MIN_TOKEN_LENGTH, readApiTokens, type ApiToken } from './tokens.ts';
export { ALL_SCOPES, DEFAULT_IDENTITY_SCOPES, isScope, scopeStem } from './scopes.ts';
export { loadServiceConfig, type ServiceConfig } from './service-config.ts';
