/**
 * MQTT for the platform: an embedded Aedes broker by default, or an external broker (Mosquitto,
 * EMQX…) via MQTT_URL. Either way the platform talks to it through one mqtt.js client, so the code
 * path is the same and the broker doubles as the event bus between several app instances.
 */
import net from 'node:net';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import type { FastifyBaseLogger } from 'fastify';
import { createMqttAccess, type MqttAccessPolicy } from './access.js';
import { trackSubscriptions } from './subscriptions.js';

export interface MqttHandle {
  /** URL clients use to reach the broker. */
  readonly url: string;
  readonly embedded: boolean;
  /** The port the embedded broker listens on (undefined for an external broker). */
  readonly port: number | undefined;
  readonly client: MqttClient;
  isConnected(): boolean;
  /**
   * Who may publish what on the embedded broker (see access.ts); an external broker enforces its own
   * ACLs and ignores this.
   */
  setAccessPolicy(policy: MqttAccessPolicy): void;
  /**
   * Topic filters with a query (`v1.1/Things?$select=name`) that clients subscribed to on the embedded
   * broker, by the part before `?`: publishers can then serve those variants. Empty for an external
   * broker, which does not tell who subscribed to what.
   */
  queryTopics(base: string): readonly string[];
  /** Whether a message on this topic reaches anyone (always true for an external broker, which does not say). */
  hasSubscribers(topic: string): boolean;
  publish(topic: string, payload: string | Buffer, options?: { qos?: 0 | 1; retain?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface StartMqttOptions {
  url?: string | undefined;
  port: number;
  host: string;
  log: FastifyBaseLogger;
}

export class MqttStartError extends Error {
  override name = 'MqttStartError';
}

const PORT_SEARCH_RANGE = 20;

export async function startMqtt(options: StartMqttOptions): Promise<MqttHandle> {
  if (options.url) {
    const client = await connectClient(options.url, options.log);
    return handle(options.url, false, undefined, client, { setPolicy: () => undefined, queryTopics: () => [], hasSubscribers: () => true }, async () => undefined);
  }
  const access = createMqttAccess();
  const broker = await Aedes.createBroker(access.brokerOptions);
  const subscriptions = trackSubscriptions(broker);
  const server = net.createServer(broker.handle);
  const port = await listenOnFreePort(server, options.port, options.host, options.log);
  const clientHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `mqtt://${clientHost}:${port}`;
  const client = await connectClient(url, options.log, access.internalCredentials);
  return handle(url, true, port, client, { setPolicy: access.setPolicy, ...subscriptions }, async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

/**
 * At most this many publishes are handed to the client at once. A burst (demo provisioning, a large
 * batch of Observations) otherwise queues thousands of writes on a socket that is not draining, each
 * waiting with its own "drain" listener; beyond the limit publishes wait here, in order.
 */
const MAX_IN_FLIGHT = 200;

function handle(
  url: string,
  embedded: boolean,
  port: number | undefined,
  client: MqttClient,
  embeddedHooks: Pick<MqttHandle, 'queryTopics' | 'hasSubscribers'> & { setPolicy: (policy: MqttAccessPolicy) => void },
  closeBroker: () => Promise<void>,
): MqttHandle {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (inFlight < MAX_IN_FLIGHT) inFlight++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over by release()
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };
  return {
    url,
    embedded,
    port,
    client,
    isConnected: () => client.connected,
    setAccessPolicy: embeddedHooks.setPolicy,
    queryTopics: embeddedHooks.queryTopics,
    hasSubscribers: embeddedHooks.hasSubscribers,
    async publish(topic, payload, opts = {}) {
      await slot();
      try {
        await client.publishAsync(topic, payload, { qos: opts.qos ?? 0, retain: opts.retain ?? false });
      } finally {
        release();
      }
    },
    async close() {
      await client.endAsync();
      await closeBroker();
    },
  };
}

async function connectClient(
  url: string,
  log: FastifyBaseLogger,
  credentials?: { username: string; password: string },
): Promise<MqttClient> {
  const client = mqtt.connect(url, {
    ...credentials,
    clientId: `confluentes-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    reconnectPeriod: 2000,
    connectTimeout: 5000,
  });
  client.on('error', (err) => log.warn({ err: err.message }, 'MQTT client error'));
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
      setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref();
    });
  } catch (err) {
    client.end(true);
    throw new MqttStartError(`Cannot connect to the MQTT broker at ${url}: ${(err as Error).message}`);
  }
  return client;
}

/**
 * Listens on the configured port; when it is taken (e.g. by a Mosquitto the machine runs) it says so,
 * names the setting that would use that broker instead, and takes the next free port.
 */
async function listenOnFreePort(server: net.Server, wanted: number, host: string, log: FastifyBaseLogger): Promise<number> {
  const last = wanted === 0 ? 0 : wanted + PORT_SEARCH_RANGE;
  for (let port = wanted; port <= last; port++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const actual = (server.address() as net.AddressInfo).port;
      if (port !== wanted) {
        log.warn(
          `MQTT port ${wanted} is already in use (another broker such as Mosquitto?). ` +
            `Set MQTT_URL=mqtt://localhost:${wanted} to use that broker instead, or MQTT_PORT to choose a port. ` +
            `The embedded broker listens on port ${actual}.`,
        );
      }
      return actual;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new MqttStartError(`MQTT_PORT: ports ${wanted}–${last} are all in use; set MQTT_PORT or MQTT_URL.`);
}
