// Chat transcripts: content-addressed (hash = SHA-256 hex of the body), append-only, idempotent on re-store.
import { createHash } from 'node:crypto';
import type { crm } from '@bss/contracts';
import { Conflict, NotFound, requirePolicy } from '@bss/policy';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { findCustomer } from '../repositories/customer.repository.ts';
import { findTranscript, insertTranscriptIfAbsent } from '../repositories/transcript.repository.ts';
import type { TranscriptRow } from '../schema.ts';
import { logInteraction } from './interaction.service.ts';

const wire = (r: TranscriptRow): crm.ChatTranscript => ({ hash: r.hash, customerId: r.customerId, body: r.body, recordedAt: r.recordedAt.toISOString() });

/** The transcript use-cases bound to `deps`. */
export function transcriptService(deps: CrmDeps) {
  return {
    /** `created` is false on an idempotent re-store of the same body. */
    async store(input: crm.ChatTranscriptStore): Promise<{ transcript: crm.ChatTranscript; created: boolean }> {
      const expected = createHash('sha256').update(input.body, 'utf8').digest('hex');
      requirePolicy(input.hash === expected, 'chat_transcript.hash_mismatch', 'hash is not the SHA-256 of body', { provided: input.hash, expected });
      return deps.database.db.transaction(async (tx) => {
        if (input.customerId) {
          requirePolicy(await findCustomer(tx, input.customerId), 'chat_transcript.store.customer_not_found', `customer ${input.customerId} does not exist`, {
            customerId: input.customerId,
          });
        }
        const row = await insertTranscriptIfAbsent(tx, {
          hash: input.hash,
          customerId: input.customerId ?? null,
          body: input.body,
          recordedAt: deps.clock.now(),
          tenantId: currentContext().tenant,
        });
        if (!row) {
          // The hash is the primary key across tenants: a body another tenant stored first is not this tenant's to read.
          const existing = await findTranscript(tx, input.hash);
          if (!existing) throw new Conflict('chat_transcript.store.hash_taken', 'a transcript with this hash is held by another tenant', { hash: input.hash });
          return { transcript: wire(existing), created: false };
        }
        if (row.customerId) await logInteraction(tx, deps, { customerId: row.customerId, summary: 'Chat transcript stored', body: `sha256:${row.hash}` });
        return { transcript: wire(row), created: true };
      });
    },

    async get(hash: string): Promise<crm.ChatTranscript> {
      const row = await findTranscript(deps.database.db, hash);
      if (!row) throw new NotFound('chat_transcript', hash);
      return wire(row);
    },
  };
}
