// The catalog served from memory: every read first learns catalog.catalog_version from a check that started
// after the read arrived (one prepared query, shared by concurrent readers); the cached snapshot is reused
// while that matches, else the whole catalog is reloaded once.
import type { Database } from '@bss/db';
import { buildSnapshot, type CatalogSnapshot } from '../domain/catalog-view.ts';
import { bundleAllowance, productOffering, productOfferingPrice, productSpecification, vasOffering } from '../schema.ts';

// Named: pg prepares it once per connection, so a warm read costs one round trip and no planning.
const VERSION_QUERY = { name: 'catalog_version', text: 'SELECT version FROM catalog.catalog_version' };

export interface CatalogSnapshots {
  /** The snapshot at the committed version (at least as new as any write committed before the call). */
  current(): Promise<CatalogSnapshot>;
}

/** Loads every table and the version in one REPEATABLE READ transaction, so the rows match the stamp. */
async function loadSnapshot(database: Database): Promise<CatalogSnapshot> {
  return database.db.transaction(
    async (tx) => {
      // One connection serves the whole transaction, so these run back to back; a reload is rare (after a write).
      const [stamp] = (await tx.execute<{ version: string }>('SELECT version FROM catalog.catalog_version')).rows;
      const offerings = await tx.select().from(productOffering);
      const prices = await tx.select().from(productOfferingPrice);
      const allowances = await tx.select().from(bundleAllowance);
      const specifications = await tx.select().from(productSpecification);
      const vas = await tx.select().from(vasOffering);
      if (!stamp) throw new Error('catalog.catalog_version has no row (migration 0002 not applied?)');
      return buildSnapshot(BigInt(stamp.version), { offerings, prices, allowances, specifications, vas });
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Shares version checks between concurrent readers without weakening read-your-writes: a reader may only join
 * a check that starts after it arrived. So at most one check runs and one waits queued behind it; every reader
 * arriving meanwhile shares the queued one, which begins when the running one ends.
 */
export function createVersionReader(query: () => Promise<bigint>): () => Promise<bigint> {
  let running: Promise<bigint> | undefined;
  let queued: Promise<bigint> | undefined;
  const start = (): Promise<bigint> => {
    const check = query().finally(() => {
      if (running === check) running = undefined;
    });
    running = check;
    return check;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}

export function createCatalogSnapshots(database: Database): CatalogSnapshots {
  let cached: CatalogSnapshot | undefined;
  // Concurrent readers that find the cache stale share this one load instead of each reloading.
  let loading: Promise<CatalogSnapshot> | undefined;

  function reload(): Promise<CatalogSnapshot> {
    loading ??= loadSnapshot(database)
      .then((snapshot) => {
        if (!cached || snapshot.version > cached.version) cached = snapshot;
        return snapshot;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  const readVersion = createVersionReader(() =>
    database.pool.query<{ version: string }>(VERSION_QUERY).then(({ rows }) => BigInt(rows[0]?.version ?? 0)),
  );

  async function current(): Promise<CatalogSnapshot> {
    const version = await readVersion();
    if (cached && cached.version >= version) return cached;
    // A load already in flight may have begun before our version read; retry until it covers `version`.
    for (;;) {
      const snapshot = await reload();
      if (snapshot.version >= version) return snapshot;
    }
  }

  return { current };
}
