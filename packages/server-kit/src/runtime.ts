// Running a service: build the app, start the outbox relay and consumers, listen, and stop everything in
// reverse order on shutdown. Used by each service's main.ts and by the fleet launcher.
import { loadServiceConfig, type ServiceConfig, type ServiceName } from '@bss/config';
import { consumerQueue } from '@bss/contracts';
import { createDatabase, type Database } from '@bss/db';
import { createRelay, createRetentionWorker, PIPELINE_DEPTH, type BatchOptions, type EventHandler, type SubscriptionSpec } from '@bss/events';
import type { z } from 'zod';
import type { App } from './app.ts';
import { borrowed, createPlatform, type Platform } from './platform.ts';
import { settleHeapSoon } from './settle-heap.ts';

/** How long in-flight requests may take to finish on shutdown before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 5_000;

/** A long-running background job owned by a service (relay-like workers, sweepers). */
export interface Worker {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How a service plugs into the runtime; each service exports one from `src/service.ts`. */
export interface ServiceModule<Extra = unknown> {
  name: ServiceName;
  version: string;
  /** The schema whose outbox this service writes and relays. */
  outboxSchema: string;
  /** Service-specific env keys, parsed together with the common ones. */
  extraEnv?: z.ZodRawShape;
  build(platform: Platform<Extra>): Promise<App>;
  /** `batch` opts a consumer into natural batching (see BatchOptions in @bss/events). */
  consumers?(platform: Platform<Extra>): { spec: SubscriptionSpec; handler: EventHandler; batch?: BatchOptions }[];
  workers?(platform: Platform<Extra>): Worker[];
}

/** A started service. */
export interface RunningService {
  name: ServiceName;
  url: string;
  app: App;
  platform: Platform;
  stop(): Promise<void>;
}

/** Loads a module's config from `env` (common keys + its extras). */
export function loadModuleConfig<Extra>(mod: ServiceModule<Extra>, env: Record<string, string | undefined>): ServiceConfig<Extra> {
  return loadServiceConfig(mod.name, env, mod.extraEnv) as ServiceConfig<Extra>;
}

/**
 * Pools a launcher shares among the services it starts in one process (instead of each service opening its
 * own two). The launcher owns them: a service's stop never closes them.
 */
export interface SharedPools {
  /** The pool requests, consumers and workers query through. */
  database: Database;
  /** The relays' pool: each relay holds one connection for LISTEN plus one per in-flight batch. */
  relayDatabase: Database;
}

/** Starts `mod` with `config`: relay, consumers, workers, then the HTTP listener. */
export async function startService<Extra>(mod: ServiceModule<Extra>, config: ServiceConfig<Extra>, shared?: SharedPools): Promise<RunningService> {
  const platform = createPlatform(config, { version: mod.version, outboxSchema: mod.outboxSchema, ...(shared ? { database: shared.database } : {}) });
  const { logger, database, bus, tracing } = platform;
  const app = await mod.build(platform);
  // The relay gets its own small pool (one connection per pipelined batch + its LISTEN connection): sharing
  // the service's pool, it queued behind every request's transaction under load and events waited seconds.
  const relayDatabase = shared ? borrowed(shared.relayDatabase) : createDatabase(config.dbUrl, { max: PIPELINE_DEPTH + 1, applicationName: `bss-${mod.name}-relay` });
  const relay = createRelay({ database: relayDatabase, schema: mod.outboxSchema, publisher: bus, logger });
  const consumers = mod.consumers?.(platform) ?? [];
  for (const c of consumers) checkCatalogued(mod.name, c.spec);
  // Every service prunes its own event tables: its outbox and the inboxes of its consumers.
  const retention = createRetentionWorker({
    database,
    clock: platform.clock,
    logger,
    outboxSchema: mod.outboxSchema,
    inboxSchemas: consumers.map((c) => c.spec.inboxSchema),
    outboxRetentionDays: config.outboxRetentionDays,
    inboxRetentionDays: config.inboxRetentionDays,
  });
  const workers = [retention, ...(mod.workers?.(platform) ?? [])];
  // Connect before serving so /ready is truthful from the first probe; a broker that is down does not stop
  // the start (events wait in the outbox, /ready reports the broker down until it is back).
  if (!(await bus.connect())) logger.warn('broker not reachable yet; continuing, events wait in the outbox');
  await relay.start();
  for (const c of consumers) await bus.subscribe({ ...c.spec, queue: config.queuePrefix + c.spec.queue }, c.handler, c.batch);
  for (const w of workers) await w.start();
  const address = await app.listen({ host: config.host, port: config.port });
  logger.info({ address }, `${mod.name} listening`);
  let stopping: Promise<void> | undefined;
  return {
    name: mod.name,
    url: `http://${config.host}:${config.port}`,
    app,
    platform: platform as Platform,
    stop() {
      stopping ??= (async () => {
        // In-flight requests get SHUTDOWN_GRACE_MS to finish; then remaining sockets are cut so the pool
        // below is never closed under a running query.
        const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await app.close();
        clearTimeout(force);
        for (const w of [...workers].reverse()) await w.stop().catch((err) => logger.error({ err }, 'worker stop failed'));
        await relay.stop();
        await relayDatabase.close();
        await bus.close();
        await database.close();
        await tracing.shutdown();
      })();
      return stopping;
    },
  };
}

/**
 * A consumer must be the catalogue entry it claims to be (@bss/contracts CONSUMER_QUEUES): same queue, owner
 * and bindings. Otherwise other services would declare a queue that does not match what this one consumes.
 */
export function checkCatalogued(service: ServiceName, spec: SubscriptionSpec): void {
  const entry = consumerQueue(spec.queue);
  if (!entry) throw new Error(`consumer queue ${spec.queue} of ${service} is not in the topology catalogue (@bss/contracts CONSUMER_QUEUES)`);
  const same = entry.service === service && entry.bindings.length === spec.bindings.length && entry.bindings.every((b, i) => b === spec.bindings[i]);
  if (!same) throw new Error(`consumer queue ${spec.queue} of ${service} differs from its catalogue entry (owner ${entry.service}, bindings ${entry.bindings.join(', ')})`);
  if (entry.inboxSchema !== spec.inboxSchema) throw new Error(`consumer queue ${spec.queue}: inbox schema ${spec.inboxSchema} differs from the catalogue's ${entry.inboxSchema}`);
}

/** Entry point of a service's main.ts: start from process.env and stop cleanly on SIGINT/SIGTERM. */
export async function runMain<Extra>(mod: ServiceModule<Extra>): Promise<void> {
  let running: RunningService;
  try {
    running = await startService(mod, loadModuleConfig(mod, process.env));
  } catch (err) {
    console.error(`${mod.name} failed to start: ${(err as Error).message}`);
    process.exit(1);
  }
  settleHeapSoon();
  const shutdown = (signal: string) => {
    running.platform.logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
