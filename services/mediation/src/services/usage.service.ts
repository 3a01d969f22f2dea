// The record use-case (block at the edge) and the reads. A record is checked before anything is stored: its
// own values first, then its line's subscription (an HTTP lookup, outside any transaction; concurrent lookups
// of one line share a request, see adapters/subscription-lookup.ts). A refusal commits only a `usage.rejected`
// event, in its own transaction, and answers 422 with the rule id; an accepted record is the `UE-…` row and its
// `usage.recorded` event in one transaction (group-committed with the records accepted meanwhile, see
// usage-writer.ts). The sender's id (`externalId`) makes a repost count once: the unique index lets one insert
// win and every repost returns that first record (200). The id is looked up only when the insert lost, or when
// the record was refused or could not be checked: a repost is answered with the stored record whatever its
// line's state is now (it was accepted when it happened), without one extra query per new record.
import { mintId, type usage } from '@bss/contracts';
import { PolicyViolation } from '@bss/policy';
import type { LineSubscription } from '../adapters/subscription-lookup.ts';
import type { MediationDeps } from '../deps.ts';
import type { RecordInput } from '../domain/usage-input.ts';
import { toUsage, USAGE_PATH } from '../domain/usage.mapper.ts';
import { usageRejected } from '../events/usage.events.ts';
import {
  checkPositiveQuantity,
  checkSameRecordForExternalId,
  checkSubscriptionActive,
  checkSubscriptionExists,
  checkUnitMatchesEventType,
  checkValidEventType,
} from '../policies/usage.policies.ts';
import { usageJsonReads } from '../repositories/usage-json.repository.ts';
import { findUsageByExternalId, getUsage, pageUsage, type UsageFilter } from '../repositories/usage.repository.ts';
import type { UsageRow } from '../schema.ts';
import { createUsageWriter } from './usage-writer.ts';

export type UsageService = ReturnType<typeof createUsageService>;

export function createUsageService(deps: MediationDeps) {
  const { database, clock, outbox, logger } = deps;
  const view = (row: UsageRow) => toUsage(row, deps.href);
  const json = usageJsonReads(database, deps.href(USAGE_PATH, ''));
  const writer = createUsageWriter(deps);

  /** The checks in order; returns the line's active subscription, or throws the first PolicyViolation. */
  async function admit(input: RecordInput, seen: { sub?: LineSubscription }): Promise<LineSubscription> {
    checkPositiveQuantity(input);
    checkValidEventType(input);
    checkUnitMatchesEventType(input);
    const sub = await deps.subscriptions.findByMsisdn(input.msisdn);
    checkSubscriptionExists(sub, input.msisdn);
    seen.sub = sub;
    checkSubscriptionActive(sub);
    return sub;
  }

  /** A repost of a stored record: the same record again returns it, a different one under its id is refused. */
  function replay(existing: UsageRow, input: RecordInput) {
    checkSameRecordForExternalId(existing, input);
    return { usage: view(existing), replayed: true };
  }

  async function record(input: RecordInput): Promise<{ usage: usage.Usage; replayed: boolean }> {
    const seen: { sub?: LineSubscription } = {};
    let sub: LineSubscription;
    try {
      sub = await admit(input, seen);
    } catch (err) {
      if (input.externalId !== undefined) {
        const existing = await findUsageByExternalId(database.db, input.externalId);
        if (existing) return replay(existing, input);
      }
      if (err instanceof PolicyViolation) {
        // The refusal is audited even though nothing is stored: its own transaction, committed before the 422.
        await database.db.transaction((tx) => outbox.stage(tx, usageRejected(input, err.rule, seen.sub)));
        logger.info({ subscriptionId: seen.sub?.id, rule: err.rule }, 'usage record refused at the edge');
      }
      throw err;
    }
    const stored = await writer.insert({
      id: mintId('UE'),
      msisdn: input.msisdn,
      subscriptionId: sub.id,
      customerId: sub.customerId,
      offeringId: sub.offeringId,
      eventType: input.eventType as usage.UsageEventType,
      eventTime: new Date(input.eventTime),
      quantity: input.quantity,
      unit: input.unit as usage.UsageUnit,
      roaming: input.roaming,
      source: input.source,
      externalId: input.externalId ?? null,
      description: input.description ?? null,
      createdAt: clock.now(),
    });
    // The external id was taken (a repost, or a concurrent post of the same record): answer with the first row.
    if (!stored) return replay((await findUsageByExternalId(database.db, input.externalId!))!, input);
    return { usage: view(stored), replayed: false };
  }

  return {
    record,
    get: async (id: string) => view(await getUsage(database.db, id)),
    list: async (filter: UsageFilter, page: { offset: number; limit: number }) => {
      const { rows, total } = await pageUsage(database.db, filter, page);
      return { items: rows.map(view), total };
    },
    /** list() as the response body (a JSON array built by Postgres, equal to list()'s serialised items). */
    listJson: (filter: UsageFilter, page: { offset: number; limit: number }) => json.list(filter, page),
  };
}
