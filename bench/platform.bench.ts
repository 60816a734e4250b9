/**
 * Issue figures for the platform: cold and warm start time and resident memory of the server on the
 * embedded database, and GET /health throughput at 50 connections as a ratio to a bare Fastify
 * hello-world measured in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { fmt, load, row } from './lib.js';

const root = path.resolve(import.meta.dirname, '..');

/** Starts `serve` on a data dir, waits for /ready, reads RSS from /proc, then stops it. */
async function startOnce(dataDir: string, port: number) {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', MQTT_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() - t0 > 120_000) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - t0) / 1000;
  const { readFileSync } = await import('node:fs');
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  return {
    seconds,
    rssMiB,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function benchPlatform() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cf-bench-'));
  try {
    const cold = await startOnce(dataDir, 18081);
    await cold.stop();
    const warm = await startOnce(dataDir, 18081);
    row('start, cold (empty ./data: initdb, PostGIS, migrations, demo data)', `${fmt(cold.seconds, 1)} s, RSS ${fmt(cold.rssMiB)} MiB`);
    row('start, warm (existing ./data)', `${fmt(warm.seconds, 1)} s, RSS ${fmt(warm.rssMiB)} MiB`);

    const bare = Fastify();
    bare.get('/', async () => ({ hello: 'world' }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const barePort = (bare.server.address() as { port: number }).port;
    const baseline = await load(`http://127.0.0.1:${barePort}/`);
    await bare.close();
    const health = await load(`http://127.0.0.1:${warm.port}/health`);
    row('baseline: bare Fastify hello-world, 50 connections', `${fmt(baseline.requestsPerSecond)} req/s, p99 ${baseline.p99} ms`);
    row('GET /health, 50 connections', `${fmt(health.requestsPerSecond)} req/s, p99 ${health.p99} ms`, health.requestsPerSecond / baseline.requestsPerSecond);
    await warm.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
