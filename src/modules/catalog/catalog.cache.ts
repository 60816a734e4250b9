/**
 * Public reads are served from memory while the catalog has not changed. Every write bumps the
 * version in catalog_state; this instance learns it at once, other instances within `ttlMs`.
 * The version also makes the ETag, and its time the Last-Modified header.
 */
import type { CatalogRepository } from './catalog.repository.js';

export interface CatalogVersion {
  version: number;
  updatedAt: Date;
}

export function createPublicCache(repo: CatalogRepository, options: { ttlMs?: number; maxEntries?: number } = {}) {
  const ttlMs = options.ttlMs ?? 1000;
  const maxEntries = options.maxEntries ?? 500;
  let known: { value: CatalogVersion; checkedAt: number } | undefined;
  let pending: Promise<CatalogVersion> | undefined;
  const entries = new Map<string, { version: number; value: unknown }>();

  async function current(): Promise<CatalogVersion> {
    if (known && Date.now() - known.checkedAt < ttlMs) return known.value;
    // Concurrent requests share one look-up instead of each asking the database.
    pending ??= repo
      .state()
      .then((value) => {
        if (!known || known.value.version !== value.version) entries.clear();
        known = { value, checkedAt: Date.now() };
        return value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  return {
    current,
    /** After a local write: the next read asks the database for the new version. */
    invalidate() {
      known = undefined;
      entries.clear();
    },
    async remember<T>(key: string, produce: () => Promise<T>): Promise<{ value: T; version: CatalogVersion }> {
      const version = await current();
      const hit = entries.get(key);
      if (hit && hit.version === version.version) return { value: hit.value as T, version };
      const value = await produce();
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { version: version.version, value });
      return { value, version };
    },
  };
}

export type PublicCache = ReturnType<typeof createPublicCache>;
