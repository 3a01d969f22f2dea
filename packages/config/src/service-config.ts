// The configuration every backend service shares, parsed from env in one pass.
import { z } from 'zod';
import { ConfigError, envFlag, envPort, parseEnv, type ConfigIssue } from './env.ts';
import { envStem, SERVICE_NAMES, SERVICE_PORTS, type ServiceName } from './services.ts';
import { readApiTokens, type ApiToken } from './tokens.ts';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Typed configuration handed to a service's `createDeps`. */
export interface ServiceConfig<Extra = Record<string, never>> {
  service: ServiceName;
  host: string;
  port: number;
  dbUrl: string;
  dbPoolMax: number;
  /** Postgres `statement_timeout` of every pooled session (BSS_DB_STATEMENT_TIMEOUT_MS). */
  dbStatementTimeoutMs: number;
  /** Postgres `idle_in_transaction_session_timeout` of every pooled session (BSS_DB_IDLE_TX_TIMEOUT_MS). */
  dbIdleTxTimeoutMs: number;
  mqUrl: string;
  exchange: string;
  /** Prefix of every consumer queue name (empty in production; tests isolate runs sharing a broker). */
  queuePrefix: string;
  /** How long a transiently failing event keeps being retried before it is parked. */
  eventsRetryDeadlineMs: number;
  apiTokens: ApiToken[];
  /** The token this service sends on its own outbound calls to other services: the `system` identity's. */
  outboundToken: string;
  allowAdmin: boolean;
  publicDocs: boolean;
  /** Absolute base for TMF `href`s, e.g. `http://localhost:8001`. */
  publicBaseUrl: string;
  otelEndpoint: string | undefined;
  logLevel: z.infer<typeof LogLevel>;
  /** Days published outbox rows (the audit trail) are kept, by business time; 0 = forever. */
  outboxRetentionDays: number;
  /** Days inbox rows are kept (also the oldest event an operator may re-publish); 0 = forever. */
  inboxRetentionDays: number;
  /** Base URLs of every other service, by name. */
  urls: Record<ServiceName, string>;
  extra: Extra;
}

function commonShape(service: ServiceName) {
  const stem = envStem(service);
  const shape: Record<string, z.ZodType> = {
    BSS_DB_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    BSS_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    // 0 would mean "no limit" to Postgres: refused, a runaway statement or an abandoned transaction must end.
    BSS_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    BSS_DB_IDLE_TX_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    BSS_MQ_URL: z.url({ protocol: /^amqps?$/ }),
    BSS_MQ_EXCHANGE: z.string().min(1).default('bss.events'),
    BSS_MQ_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]*$/, 'letters, digits and _ . : - only').default(''),
    BSS_EVENTS_RETRY_DEADLINE_MS: z.coerce.number().int().min(1000).default(15 * 60_000),
    BSS_HOST: z.string().min(1).default('127.0.0.1'),
    BSS_ALLOW_ADMIN_RESET: envFlag,
    BSS_PUBLIC_DOCS: envFlag,
    BSS_OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    BSS_LOG_LEVEL: LogLevel.default('info'),
    BSS_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
    BSS_INBOX_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
    [`BSS_${stem}_PORT`]: envPort.default(SERVICE_PORTS[service]),
    [`BSS_${stem}_PUBLIC_URL`]: z.url().optional(),
  };
  for (const other of SERVICE_NAMES) {
    shape[`BSS_${envStem(other)}_URL`] = z.url().default(`http://127.0.0.1:${SERVICE_PORTS[other]}`);
  }
  return shape;
}

/**
 * Parses the shared service env plus a service's own `extra` keys in one pass, so a bad start-up lists
 * every bad key together (including token problems).
 */
export function loadServiceConfig<E extends z.ZodRawShape = Record<string, never>>(
  service: ServiceName,
  env: Record<string, string | undefined>,
  extra?: E,
): ServiceConfig<z.infer<z.ZodObject<E>>> {
  const schema = z.object({ ...commonShape(service), ...(extra ?? {}) });
  const { tokens, issues: tokenIssues } = readApiTokens(env);
  let parsed: Record<string, unknown>;
  const issues: ConfigIssue[] = [...tokenIssues];
  try {
    parsed = parseEnv(schema, env) as Record<string, unknown>;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw new ConfigError([...err.issues, ...issues]);
  }
  if (issues.length) throw new ConfigError(issues);

  const stem = envStem(service);
  const port = parsed[`BSS_${stem}_PORT`] as number;
  const urls = Object.fromEntries(
    SERVICE_NAMES.map((n) => [n, (parsed[`BSS_${envStem(n)}_URL`] as string).replace(/\/+$/, '')]),
  ) as Record<ServiceName, string>;
  const extraValues = Object.fromEntries(Object.keys(extra ?? {}).map((k) => [k, parsed[k]]));
  const publicUrl = (parsed[`BSS_${stem}_PUBLIC_URL`] as string | undefined) ?? `http://localhost:${port}`;
  return {
    service,
    host: parsed.BSS_HOST as string,
    port,
    dbUrl: parsed.BSS_DB_URL as string,
    dbPoolMax: parsed.BSS_DB_POOL_MAX as number,
    dbStatementTimeoutMs: parsed.BSS_DB_STATEMENT_TIMEOUT_MS as number,
    dbIdleTxTimeoutMs: parsed.BSS_DB_IDLE_TX_TIMEOUT_MS as number,
    mqUrl: parsed.BSS_MQ_URL as string,
    exchange: parsed.BSS_MQ_EXCHANGE as string,
    queuePrefix: parsed.BSS_MQ_QUEUE_PREFIX as string,
    eventsRetryDeadlineMs: parsed.BSS_EVENTS_RETRY_DEADLINE_MS as number,
    apiTokens: tokens,
    outboundToken: tokens.find((t) => t.identity === 'system')!.token,
    allowAdmin: parsed.BSS_ALLOW_ADMIN_RESET as boolean,
    publicDocs: parsed.BSS_PUBLIC_DOCS as boolean,
    publicBaseUrl: publicUrl.replace(/\/+$/, ''),
    otelEndpoint: parsed.BSS_OTEL_EXPORTER_OTLP_ENDPOINT as string | undefined,
    logLevel: parsed.BSS_LOG_LEVEL as ServiceConfig['logLevel'],
    outboxRetentionDays: parsed.BSS_OUTBOX_RETENTION_DAYS as number,
    inboxRetentionDays: parsed.BSS_INBOX_RETENTION_DAYS as number,
    urls,
    extra: extraValues as z.infer<z.ZodObject<E>>,
  };
}
