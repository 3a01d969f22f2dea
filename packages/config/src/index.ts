// @bss/config: zod-parsed environment, the service directory and the perimeter's token material.
export { ConfigError, envFlag, envPort, parseEnv, type ConfigIssue } from './env.ts';
export { envStem, isServiceName, SERVICE_NAMES, SERVICE_PORTS, type ServiceName } from './services.ts';
export { MIN_TOKEN_LENGTH, readApiTokens, type ApiToken } from './tokens.ts';
export { loadServiceConfig, type ServiceConfig } from './service-config.ts';
