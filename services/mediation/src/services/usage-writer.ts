// Group commit of accepted usage records. Each accepted record used to be its own transaction (BEGIN, INSERT
// usage, INSERT outbox, NOTIFY, COMMIT: five round trips); at 1,000 records/s those round trips were most of
// mediation's CPU. Records accepted while earlier ones are being written are now written together — one
// multi-row INSERT of the records, one of their usage.recorded events, one NOTIFY, one commit — and each request
// is answered once the transaction holding its record has committed, so 201 still means stored and staged.
// Nothing waits for company: a record that finds the writer idle is written at once, on the next turn of the
// event loop (natural batching, as the event consumers do). Each event is prepared in its own request's context
// (actor, request id, trace). A batch that fails is written again one record per transaction, so one bad
// record fails only its own request. The sender's id still makes a repost count once: the unique index lets
// one insert win, in one statement or across batches, and the loser is answered with the winner (200).
import { createNaturalBatcher } from '@bss/events';
import type { PreparedEvent } from '@bss/events';
import type { MediationDeps } from '../deps.ts';
import { usageRecorded } from '../events/usage.events.ts';
import { currentTenant } from '../repositories/tenant.ts';
import { insertUsages } from '../repositories/usage.repository.ts';
import type { UsageRow } from '../schema.ts';

/** Most records per group commit, and group commits in flight (each holds one pooled connection). */
export const WRITE_BATCH_MAX = 100;
export const WRITE_CONCURRENCY = 2;

/** A record as it will be stored, but for the tenant (the request's). */
export type UsageRecord = Omit<UsageRow, 'tenantId'>;

interface Pending {
  values: UsageRow;
  event: PreparedEvent;
  done(row: UsageRow | undefined): void;
  fail(err: unknown): void;
}

export interface UsageWriter {
  /** Stores the record and stages its usage.recorded; undefined when its external id is already taken. */
  insert(record: UsageRecord): Promise<UsageRow | undefined>;
}

export function createUsageWriter(deps: Pick<MediationDeps, 'database' | 'outbox'>): UsageWriter {
  const { database, outbox } = deps;

  /** Writes `batch` in one transaction; the rows that were new, by id. */
  async function write(batch: Pending[]): Promise<Map<string, UsageRow>> {
    return database.db.transaction(async (tx) => {
      const ids = await insertUsages(tx, batch.map((p) => p.values));
      const fresh = batch.filter((p) => ids.has(p.values.id));
      await outbox.stageMany(
        tx,
        fresh.map((p) => p.event),
      );
      return new Map(fresh.map((p) => [p.values.id, p.values] as const));
    });
  }

  const batcher = createNaturalBatcher<Pending>({
    maxSize: WRITE_BATCH_MAX,
    concurrency: WRITE_CONCURRENCY,
    async run(batch) {
      try {
        const stored = await write(batch);
        for (const p of batch) p.done(stored.get(p.values.id));
        return;
      } catch (err) {
        if (batch.length === 1) return batch[0]!.fail(err);
      }
      for (const p of batch) {
        await write([p]).then(
          (stored) => p.done(stored.get(p.values.id)),
          (err: unknown) => p.fail(err),
        );
      }
    },
  });

  return {
    insert(record) {
      const values: UsageRow = { ...record, tenantId: currentTenant() };
      // Prepared here, in the request's context (staged only if the record turns out to be new).
      const event = outbox.prepare(usageRecorded(values));
      return new Promise((done, fail) => batcher.push({ values, event, done, fail }));
    },
  };
}
