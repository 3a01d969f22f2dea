// Natural batching for a consumer: messages the broker has already delivered are handed over together, without
// ever waiting for more to arrive. A delivery only schedules a flush for the next turn of the event loop
// (setImmediate: after the socket read that brought it and any others in the same read), so at a low rate each
// message is handled alone at once, and under load the messages that piled up while the previous batches ran
// form the next batch. Batch size and the batches in flight are bounded; the broker's prefetch bounds the rest.

/** Defaults of a batching subscription (see BatchOptions). */
export const DEFAULT_BATCH_MAX = 50;
export const DEFAULT_BATCH_CONCURRENCY = 2;

/** The prefetch a batching consumer needs so that its batches can fill: room for every batch in flight. */
export function batchPrefetch(prefetch: number, maxSize: number, concurrency: number): number {
  return Math.max(prefetch, maxSize * concurrency);
}

/** Collects items and runs `run` on batches of them, at most `concurrency` at a time. */
export interface NaturalBatcher<M> {
  push(item: M): void;
}

export function createNaturalBatcher<M>(opts: { maxSize: number; concurrency: number; run: (batch: M[]) => Promise<void> }): NaturalBatcher<M> {
  const pending: M[] = [];
  let running = 0;
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    while (running < opts.concurrency && pending.length > 0) {
      const batch = pending.splice(0, opts.maxSize);
      running++;
      // `run` settles its own messages; a rejection here would be a bug in it, and must not stop the batcher.
      void opts
        .run(batch)
        .catch(() => {})
        .finally(() => {
          running--;
          flush();
        });
    }
  }

  return {
    push(item) {
      pending.push(item);
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    },
  };
}
