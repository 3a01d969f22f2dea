// The fleet's Postgres pools: one request pool and one relay pool per database URL for the whole process,
// instead of two per service. Nine services with their own pools (BSS_DB_POOL_MAX 10 + a relay pool of 3
// each) could open 117 connections — past Postgres's default max_connections of 100 — while one process
// serves one request at a time per event-loop turn anyway; a shared pool queues the rare burst instead.
import type { ServiceConfig } from '@bss/config';
import { createDatabase } from '@bss/db';
import type { SharedPools } from '@bss/server-kit';

/**
 * Connections of the shared request pool: twice one service's BSS_DB_POOL_MAX (default 10 → 20). A load on
 * one service gets more than it would alone; a transaction open across a call to a sibling (COM → CRM) still
 * leaves the sibling connections to answer with.
 */
export const FLEET_POOL_FACTOR = 2;

/** Relay connections per service in the shared relay pool: its LISTEN connection and one batch at a time. */
export const RELAY_CONNECTIONS_PER_SERVICE = 2;

/** The pools of a fleet, keyed by database URL (in practice one), closed once every service has stopped. */
export interface FleetPools {
  for(config: ServiceConfig<unknown>): SharedPools;
  close(): Promise<void>;
}

export function fleetPools(configs: ServiceConfig<unknown>[]): FleetPools {
  const byUrl = new Map<string, SharedPools>();
  for (const url of new Set(configs.map((c) => c.dbUrl))) {
    const users = configs.filter((c) => c.dbUrl === url);
    const first = users[0]!;
    const timeouts = { statementTimeoutMs: first.dbStatementTimeoutMs, idleInTransactionTimeoutMs: first.dbIdleTxTimeoutMs };
    byUrl.set(url, {
      database: createDatabase(url, { max: FLEET_POOL_FACTOR * Math.max(...users.map((c) => c.dbPoolMax)), applicationName: 'bss-fleet', ...timeouts }),
      // Each relay keeps one connection LISTENing for good, plus one per relay for its batches: with only a
      // few batch connections for nine relays, each hop of the order pipeline waited for one (submit → active
      // p50 ≈ 430–610 ms vs ≈ 290–340 ms with per-service pools, make bench).
      relayDatabase: createDatabase(url, { max: users.length * RELAY_CONNECTIONS_PER_SERVICE, applicationName: 'bss-fleet-relay' }),
    });
  }
  return {
    for: (config) => byUrl.get(config.dbUrl)!,
    async close() {
      for (const p of byUrl.values()) {
        await p.database.close();
        await p.relayDatabase.close();
      }
    },
  };
}
