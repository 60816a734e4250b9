/**
 * Koblenz demo: about ten containers in each of the 30 Stadtteile (glass, paper, residual, bio,
 * textile; underground ones in the centre) around the district points of the city profile, with
 * simulated fill levels. No real container locations were available: every position and value here
 * is simulated and labelled so.
 */
import { loadCityProfile, type CityProfile } from '../../platform/city.js';
import type { DemoSeed } from '../../platform/db/seeds.js';
import { createWasteRepository, type NewContainer } from './waste.repository.js';

const PLAN: { kind: NewContainer['kind']; category: string; volume: number; rate: number; label: string }[] = [
  { kind: 'glass', category: 'fixed', volume: 3000, rate: 4, label: 'Altglas' },
  { kind: 'glass', category: 'fixed', volume: 3000, rate: 4, label: 'Altglas' },
  { kind: 'paper', category: 'fixed', volume: 3000, rate: 7, label: 'Altpapier' },
  { kind: 'paper', category: 'fixed', volume: 3000, rate: 7, label: 'Altpapier' },
  { kind: 'residual', category: 'portable', volume: 1100, rate: 9, label: 'Restmüll' },
  { kind: 'residual', category: 'portable', volume: 1100, rate: 9, label: 'Restmüll' },
  { kind: 'bio', category: 'portable', volume: 240, rate: 10, label: 'Bioabfall' },
  { kind: 'textile', category: 'fixed', volume: 2500, rate: 3, label: 'Altkleider' },
  { kind: 'glass', category: 'underground', volume: 5000, rate: 5, label: 'Unterflur Altglas' },
  { kind: 'paper', category: 'underground', volume: 5000, rate: 6, label: 'Unterflur Altpapier' },
];
/** Stadtteile of the inner city, where underground containers stand. */
const CENTRE = new Set(['altstadt', 'mitte', 'sued', 'goldgrube', 'luetzel', 'ehrenbreitstein']);

/** Deterministic pseudo-random numbers, so the demo looks the same on every installation. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

export function demoContainers(city: CityProfile, now: Date) {
  const random = rng(42);
  const out: { container: NewContainer; fill: number; rate: number; emptied: Date }[] = [];
  city.districts.forEach((d, di) => {
    const plan = CENTRE.has(d.id) ? PLAN : PLAN.filter((p) => p.category !== 'underground');
    plan.forEach((p, i) => {
      const lat = d.lat + (random() - 0.5) * 0.008;
      const lon = d.lon + (random() - 0.5) * 0.012;
      const interval = p.kind === 'bio' || p.kind === 'residual' ? 7 : 14;
      const daysSince = random() * interval;
      const rate = p.rate * (0.6 + random() * 0.8);
      out.push({
        container: {
          uid: `urn:ngsi-ld:WasteContainer:koblenz:demo-${di + 1}-${i + 1}`,
          name: `${p.label} ${d.name} ${i + 1} (simuliert)`,
          kind: p.kind,
          category: p.category,
          volume_l: p.volume,
          district: d.name,
          address: `${d.name}, Koblenz (Lage simuliert)`,
          lat,
          lon,
          threshold_pct: null,
          pickup_interval_days: interval,
          date_last_emptying: null,
          dev_eui: null,
          decoder: null,
          sensor_depth_mm: null,
          simulated: true,
        },
        fill: Math.min(100, Math.round(daysSince * rate * 10) / 10),
        rate,
        emptied: new Date(now.getTime() - daysSince * 86_400_000),
      });
    });
  });
  return out;
}

/** The demo is the Koblenz demo, whatever CITY_PROFILE says: its districts come from the Koblenz profile. */
export const wasteDemoSeed: DemoSeed = {
  module: 'waste',
  async run(trx) {
    const repo = createWasteRepository();
    const now = new Date();
    for (const d of demoContainers(loadCityProfile('koblenz'), now)) {
      const id = await repo.insert(trx, d.container);
      await repo.setSimulatedFill(trx, id, d.fill, now, d.rate, d.emptied);
    }
  },
};
