// PLACEHOLDER: replaced by the events implementation (helper task). Do not ship.
import type { Database } from '@bss/db';
import type { Logger } from '@bss/telemetry';
import type { EventPublisher } from './types.ts';

export interface RelayOptions {
  database: Database;
  schema: string;
  publisher: EventPublisher;
  logger: Logger;
  batchSize?: number;
  sweepIntervalMs?: number;
}

export interface Relay {
  start(): Promise<void>;
  stop(): Promise<void>;
  drainOnce(): Promise<number>;
}

export function createRelay(_opts: RelayOptions): Relay {
  throw new Error('relay pending');
}
