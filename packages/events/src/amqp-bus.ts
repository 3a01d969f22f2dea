// PLACEHOLDER: replaced by the events implementation (helper task). Do not ship.
import type { Database } from '@bss/db';
import type { Logger, Tracing } from '@bss/telemetry';
import type { EventBus } from './types.ts';

export interface AmqpBusOptions {
  url: string;
  exchange: string;
  database: Database;
  logger: Logger;
  tracing: Tracing;
  serviceName: string;
}

export function createAmqpBus(_opts: AmqpBusOptions): EventBus {
  throw new Error('amqp bus pending');
}
