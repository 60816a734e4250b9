/**
 * `npm run simulate`: simulated car-park occupancy for the demo, pushed to a running Confluentes
 * through the documented push endpoint and labelled simulated there.
 *
 *   npm run simulate -- --evaluate                      forecast MAE on held-out simulated days
 *   npm run simulate -- --token <parking:write token> [--url http://127.0.0.1:8080] [--days 7] [--live]
 *
 * --days backfills that many days of 15-minute readings (history for the profile and forecast);
 * --live then keeps pushing the current simulated value every minute until stopped (Ctrl-C).
 */
import { parseArgs } from 'node:util';
import { evaluateForecast } from '../src/modules/parking/parking.forecast.js';
import { KOBLENZ_CAR_PARKS } from '../src/modules/parking/parking.demo.js';
import { characterOf, simulateFree } from '../src/modules/parking/parking.simulator.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8080' },
    token: { type: 'string' },
    days: { type: 'string', default: '7' },
    live: { type: 'boolean', default: false },
    evaluate: { type: 'boolean', default: false },
  },
});

if (values.evaluate) {
  const sites = KOBLENZ_CAR_PARKS.map((s) => ({ uid: s.uid, capacity: s.capacity, character: characterOf(s.name) }));
  for (const start of ['2026-03-02T00:00:00Z', '2026-09-28T00:00:00Z', '2026-10-26T00:00:00Z']) {
    const r = evaluateForecast({ sites, start: new Date(start), trainDays: 42, testDays: 14 });
    console.log(
      `train 42 days from ${start.slice(0, 10)}, test 14 held-out days: 60-min forecast MAE ${r.mae.toFixed(1)} spaces ` +
        `(${(r.relativeMae * 100).toFixed(1)} % of capacity), persistence ${r.persistenceMae.toFixed(1)}, n=${r.samples}`,
    );
  }
  process.exit(0);
}

if (!values.token) {
  console.error('Give an API token with the scope parking:write: --token <token> (create one in the back office or with `npm run cli -- token create`).');
  process.exit(2);
}
const headers = { authorization: `Bearer ${values.token}`, 'content-type': 'application/json' };

async function sites() {
  const res = await fetch(`${values.url}/api/parking/sites`);
  if (!res.ok) throw new Error(`GET /api/parking/sites: ${res.status}`);
  const body = (await res.json()) as { items: { uid: string; name: string; capacity: number }[] };
  return body.items.map((s) => ({ uid: s.uid, capacity: s.capacity, character: characterOf(s.name) }));
}

async function push(items: { uid: string; free: number; at: string }[]) {
  const res = await fetch(`${values.url}/api/parking/push`, { method: 'POST', headers, body: JSON.stringify({ items, simulated: true }) });
  if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
}

const list = await sites();
const days = Number(values.days);
const step = 15 * 60_000;
const now = Date.now();
let batch: { uid: string; free: number; at: string }[] = [];
for (let t = now - days * 86_400_000; t < now; t += step) {
  for (const s of list) batch.push({ uid: s.uid, free: simulateFree(s, new Date(t)), at: new Date(t).toISOString() });
  if (batch.length >= 500) {
    await push(batch);
    batch = [];
  }
}
if (batch.length) await push(batch);
console.log(`Pushed ${days} simulated days for ${list.length} car parks.`);

if (values.live) {
  const tick = async () => {
    const at = new Date();
    await push(list.map((s) => ({ uid: s.uid, free: simulateFree(s, at), at: at.toISOString() })));
    console.log(`${at.toISOString()} pushed ${list.length} simulated readings`);
  };
  await tick();
  setInterval(() => void tick().catch((err: unknown) => console.error(err)), 60_000);
}
