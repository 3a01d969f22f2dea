// @bss/fleet: start any set of services in one process (make up, end-to-end tests).
export { discoverServices, startFleet, type Fleet, type FleetOptions } from './fleet.ts';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.ts';
export { brokerAnswers, chooseInfra, DEFAULT_DB_URL, DEFAULT_MQ_URL, EMBEDDED_PG_PORT, postgresAnswers, redact, type InfraChoice } from './infra-mode.ts';
export { startLocalRun, type LocalRun, type LocalRunOptions } from './local-run.ts';
