/**
 * Public reads served from memory while the data has not changed. The owner keeps a version that
 * every write moves (a row bumped in the writing transaction); this instance learns a new version
 * at once after its own writes (`invalidate`), other instances' writes within `ttlMs`.
 */
export interface DataVersion<V extends number | string = number> {
  /** Any value that changes with every write (a counter, or a composite such as "3.1207"). */
  version: V;
  updatedAt: Date;
}

export function createVersionedCache<V extends number | string = number>(readVersion: () => Promise<DataVersion<V>>, options: { ttlMs?: number; maxEntries?: number } = {}) {
  const ttlMs = options.ttlMs ?? 1000;
  const maxEntries = options.maxEntries ?? 500;
  let known: { value: DataVersion<V>; checkedAt: number } | undefined;
  let pending: Promise<DataVersion<V>> | undefined;
  const entries = new Map<string, { version: V; value: unknown }>();
  const inFlight = new Map<string, Promise<unknown>>();

  async function current(): Promise<DataVersion<V>> {
    if (known && Date.now() - known.checkedAt < ttlMs) return known.value;
    // Concurrent requests share one look-up instead of each asking the database.
    pending ??= readVersion()
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
    async remember<T>(key: string, produce: () => Promise<T>): Promise<{ value: T; version: DataVersion<V> }> {
      const version = await current();
      const hit = entries.get(key);
      if (hit && hit.version === version.version) return { value: hit.value as T, version };
      // Many clients missing the same entry at once (a new version, a popular page) share one production.
      const flightKey = `${version.version}|${key}`;
      let flight = inFlight.get(flightKey) as Promise<T> | undefined;
      if (!flight) {
        flight = produce()
          .then((value) => {
            if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
            entries.set(key, { version: version.version, value });
            return value;
          })
          .finally(() => inFlight.delete(flightKey));
        inFlight.set(flightKey, flight);
      }
      return { value: await flight, version };
    },
  };
}

export type VersionedCache<V extends number | string = number> = ReturnType<typeof createVersionedCache<V>>;
