// The platform a service is built on: config, logger, tracing, clock, database, event bus and outbox.
// `createPlatform` wires the production parts; tests assemble the same shape with fakes (@bss/testing).
import { ControllableClock } from '@bss/clock';
import { CONSUMER_QUEUES, eventSpec } from '@bss/contracts';
import type { ServiceConfig, ServiceName } from '@bss/config';
import { createDatabase, type Database } from '@bss/db';
import { createAmqpBus, createInProcessBus, createOutbox, processBroker, type EventBus, type Outbox } from '@bss/events';
import { createLogger, createTracing, type Logger, type Tracing } from '@bss/telemetry';
import type { App } from './app.ts';
import { createApp } from './app.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { registerClockRoutes } from './clock.routes.ts';
import { registerHealthRoutes } from './health.routes.ts';
import { registerReplayRoutes } from './replay.routes.ts';
import { createReplayService } from './replay.service.ts';
import { registerResetRoute, type ResetReport } from './reset.routes.ts';
import type { Tx } from '@bss/db';

/** Everything impure a service needs, passed explicitly. */
export interface Platform<Extra = unknown> {
  service: ServiceName;
  version: string;
  config: ServiceConfig<Extra>;
  logger: Logger;
  tracing: Tracing;
  clock: ControllableClock;
  database: Database;
  bus: EventBus;
  outbox: Outbox;
}

/**
 * Wires the production platform for `config`. Connections open lazily. `opts.database` hands in a pool the
 * caller owns (the one-process fleet shares one pool among its services, see @bss/fleet); the service then
 * never closes it.
 */
export function createPlatform<Extra>(config: ServiceConfig<Extra>, opts: { version: string; outboxSchema: string; database?: Database }): Platform<Extra> {
  const logger = createLogger(config.service, config.logLevel);
  const tracing = createTracing(config.service, config.otelEndpoint);
  const clock = new ControllableClock();
  const database = opts.database
    ? borrowed(opts.database)
    : createDatabase(config.dbUrl, {
        max: config.dbPoolMax,
        applicationName: `bss-${config.service}`,
        statementTimeoutMs: config.dbStatementTimeoutMs,
        idleInTransactionTimeoutMs: config.dbIdleTxTimeoutMs,
      });
  // Every service declares the whole consumer topology, so a queue exists before its producer publishes.
  const topology = CONSUMER_QUEUES.map((q) => ({ queue: config.queuePrefix + q.queue, bindings: q.bindings }));
  const common = { exchange: config.exchange, database, logger, tracing, serviceName: config.service, topology, retryDeadlineMs: config.eventsRetryDeadlineMs };
  // A process whose launcher installed an in-process broker (make up without RabbitMQ) runs its services'
  // event plane on it; otherwise every service talks to RabbitMQ at BSS_MQ_URL.
  const broker = processBroker();
  const bus = broker ? createInProcessBus({ ...common, broker }) : createAmqpBus({ ...common, url: config.mqUrl });
  return {
    service: config.service,
    version: opts.version,
    config,
    logger,
    tracing,
    clock,
    database,
    bus,
    outbox: createOutbox(opts.outboxSchema, clock, { catalog: eventSpec }),
  };
}

/** A database the service uses but does not own: its `close()` leaves the pool to its owner. */
export function borrowed(database: Database): Database {
  return { pool: database.pool, db: database.db, ping: (timeoutMs) => database.ping(timeoutMs), close: async () => {} };
}

/** Creates the service's app with the shared routes (health, ready, clock, audit, event replay, reset) registered. */
export async function createPlatformApp(
  platform: Platform,
  opts: { description: string; reset?: (tx: Tx) => Promise<ResetReport[]> },
): Promise<App> {
  const { config, logger, tracing, clock, database, bus, outbox, service, version } = platform;
  const app = await createApp({
    service,
    version,
    description: opts.description,
    logger,
    tracing,
    apiTokens: config.apiTokens,
    publicDocs: config.publicDocs,
    allowAdmin: config.allowAdmin,
  });
  registerHealthRoutes(app, service, version, { database: () => database.ping(), broker: () => bus.isConnected() });
  registerClockRoutes(app, clock, service);
  registerAuditRoutes(app, database, outbox.schema);
  const replay = createReplayService({ service, database, outbox, bus, clock, inboxRetentionDays: config.inboxRetentionDays });
  registerReplayRoutes(app, replay);
  if (opts.reset) {
    registerResetRoute(app, { service, database, outbox, clock, reset: opts.reset });
  }
  return app;
}

/**
 * Memoises `make` per platform, so a service module's `build` and `workers` share one set of deps (one
 * provider, one set of clients) instead of each building its own from the same platform.
 */
export function perPlatform<T>(make: (platform: Platform) => T): (platform: Platform) => T {
  const made = new WeakMap<Platform, T>();
  return (platform) => {
    if (!made.has(platform)) made.set(platform, make(platform));
    return made.get(platform)!;
  };
}
