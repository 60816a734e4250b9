/**
 * What clients of the embedded broker subscribed to, kept exact from the broker's subscribe,
 * unsubscribe and disconnect events (a persistent session keeps its subscriptions while offline,
 * since the broker queues its messages). Publishers use it to skip work nobody would receive — a
 * bulk import of 10,000 Observations otherwise builds 40,000 notifications — and to serve topic
 * variants with a query (`v1.1/Things?$select=name`).
 */
import type { Aedes } from 'aedes';

/** MQTT topic filter matching: `+` is one level, `#` the rest; `$share/<group>/` is stripped. */
export function filterMatches(filter: string, topic: string): boolean {
  const f = (filter.startsWith('$share/') ? filter.split('/').slice(2).join('/') : filter).split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return !(i === 0 && topic.startsWith('$'));
    if (i >= t.length) return false;
    if (f[i] === '+') {
      if (i === 0 && topic.startsWith('$')) return false;
      continue;
    }
    if (f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

export function trackSubscriptions(broker: Aedes) {
  const byClient = new Map<string, Set<string>>();
  let filters: string[] = [];
  const rebuild = () => {
    filters = [...new Set([...byClient.values()].flatMap((s) => [...s]))];
  };
  broker.on('subscribe', (subscriptions, client) => {
    if (!client) return;
    const set = byClient.get(client.id) ?? new Set<string>();
    for (const s of subscriptions) set.add(s.topic);
    byClient.set(client.id, set);
    rebuild();
  });
  broker.on('unsubscribe', (topics, client) => {
    const set = client ? byClient.get(client.id) : undefined;
    if (!set) return;
    for (const t of topics) set.delete(t);
    rebuild();
  });
  broker.on('clientDisconnect', (client) => {
    if (client.clean && byClient.delete(client.id)) rebuild();
  });
  return {
    /** Whether any client would receive a message on this topic. */
    hasSubscribers: (topic: string) => filters.some((f) => filterMatches(f, topic)),
    /** Subscribed topics with a query whose part before `?` is `base`. */
    queryTopics: (base: string) => filters.filter((f) => f.startsWith(`${base}?`)),
  };
}
