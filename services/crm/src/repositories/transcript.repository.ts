// Queries over crm.chat_transcript (append-only: insert-if-absent and read, nothing else).
import type { Executor } from '@bss/db';
import { and, eq } from 'drizzle-orm';
import { chatTranscript, type TranscriptRow } from '../schema.ts';
import { inTenant } from './tenant.ts';

export async function findTranscript(tx: Executor, hash: string): Promise<TranscriptRow | undefined> {
  const [row] = await tx.select().from(chatTranscript).where(and(eq(chatTranscript.hash, hash), inTenant(chatTranscript.tenantId)));
  return row;
}

/** Inserts unless a transcript with this hash exists; returns the inserted row or undefined. */
export async function insertTranscriptIfAbsent(tx: Executor, row: typeof chatTranscript.$inferInsert): Promise<TranscriptRow | undefined> {
  const [created] = await tx.insert(chatTranscript).values(row).onConflictDoNothing({ target: chatTranscript.hash }).returning();
  return created;
}
