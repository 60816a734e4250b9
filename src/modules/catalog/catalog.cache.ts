/**
 * Public reads are served from memory while the catalog has not changed. Every write bumps the
 * version in catalog_state; this instance learns it at once, other instances within `ttlMs`.
 * The version also makes the ETag, and its time the Last-Modified header.
 */
import { createVersionedCache, type DataVersion } from '../../platform/http/versioned-cache.js';
import type { CatalogRepository } from './catalog.repository.js';

export type CatalogVersion = DataVersion;

export function createPublicCache(repo: CatalogRepository, options: { ttlMs?: number; maxEntries?: number } = {}) {
  return createVersionedCache(() => repo.state(), options);
}

export type PublicCache = ReturnType<typeof createPublicCache>;
