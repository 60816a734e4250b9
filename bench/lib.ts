/** Shared helpers for benchmarks: the server as its own process, load generation with autocannon, ratio reporting. */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/database.js';
import { startMqtt } from '../src/platform/mqtt/broker.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Starts `serve` on the embedded database in `dataDir` as its own process (as in production) and
 * waits until it is ready; resolves to a function that stops it. `env` adds or overrides variables.
 */
export async function serve(dataDir: string, port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      MQTT_PORT: '0',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const t0 = Date.now();
  while (
    !(await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() - t0 > 180_000) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  return () =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** Sequential requests, each to its own URL (no cache hit): latency percentiles in ms. */
export async function sequential(urls: string[]) {
  const times: number[] = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1]! };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(
  url: string,
  options: {
    connections?: number;
    durationSeconds?: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
  } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 50,
    duration: options.durationSeconds ?? Number(process.env['BENCH_SECONDS'] ?? 10),
    headers: options.headers ?? {},
    method: options.method ?? 'GET',
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function row(name: string, value: string, ratio?: number) {
  const r = ratio === undefined ? '' : `  (ratio ${ratio.toFixed(2)})`;
  process.stdout.write(`${name.padEnd(58)} ${value}${r}\n`);
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The whole app in this process on `database` (already migrated and seeded), listening on a free port. */
export async function startInProcess(database: Database) {
  const mqtt = await startMqtt({ port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) });
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'silent' }), database, mqtt });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    port: (app.server.address() as { port: number }).port,
    mqttUrl: mqtt.url,
    async close() {
      await app.close();
      await mqtt.close();
      await database.close();
    },
  };
}

// A full GC on demand, without starting node with --expose-gc.
v8.setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;

/** Samples RSS and heap every 50 ms while `work` runs; reports the peaks against the values before. */
export async function withMemory<T>(work: () => Promise<T>) {
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const t0 = performance.now();
  try {
    const result = await work();
    return {
      result,
      seconds: (performance.now() - t0) / 1000,
      rssBefore: before.rss,
      peakRss,
      heapGrowth: peakHeap - before.heapUsed,
    };
  } finally {
    clearInterval(timer);
  }
}
