// One compacting collection once a process has started. Starting services allocates fast (module loading,
// route and schema compilation): V8 grows the young generation to its cap and leaves the old generation
// fragmented, and an idle process keeps all of it resident — ~35 MB of the fleet's ~160 MB idle RSS. V8's
// memory reducer would compact it, but only after ~8 s of low allocation, which the idle services' relay
// sweeps and worker polls never give it. A "last resort" major GC (what V8 runs before an out-of-memory)
// compacts, shrinks the young generation and returns the free pages: ~170 ms of CPU, once, after the start
// (DECISIONS.md, 2026-12-01 fleet memory). It needs `--expose-gc` (start:fleet sets it); without it, nothing.

/** How long after the start the collection runs: after the first /ready probes, before anyone measures. */
export const SETTLE_HEAP_DELAY_MS = 500;

type ExposedGc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/** Schedules the one compacting collection (unref'd: it never keeps a stopping process alive). */
export function settleHeapSoon(delayMs: number = SETTLE_HEAP_DELAY_MS): void {
  const gc = (globalThis as { gc?: ExposedGc }).gc;
  if (!gc) return;
  setTimeout(() => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }), delayMs).unref();
}
