/**
 * Forecast of free spaces for the next 60 minutes: the car park's hour-of-week profile, shifted by
 * today's deviation from it, the deviation decaying over the horizon:
 *
 *   free(t+h) = P(t+h) + (free(t) − P(t)) · ρ^(h / 15 min)
 *
 * P is the mean free count per hour of the week, linearly interpolated between hour centres. With no
 * history yet the forecast is the current value (persistence). ρ = 0.85 was chosen on simulated
 * training weeks; `evaluateForecast` measures the mean absolute error on held-out simulated days.
 */
import { simulateFree, type Character } from './parking.simulator.js';
import { hourOfWeek } from './parking.time.js';

export const RHO = 0.85;
export const HORIZONS_MIN = [15, 30, 45, 60] as const;

/** Mean free spaces per hour of week (168 entries, null where nothing was seen). */
export type Profile = (number | null)[];

export function profileFrom(rows: { how: number; samples: number; sum_free: number }[]): Profile {
  const p: Profile = new Array<number | null>(168).fill(null);
  for (const r of rows) if (r.samples > 0) p[r.how] = r.sum_free / r.samples;
  return p;
}

/** Profile value at an instant, interpolated between the centres of neighbouring hours. */
export function profileAt(profile: Profile, at: Date): number | null {
  const how = hourOfWeek(at);
  const minute = at.getUTCMinutes(); // Koblenz is a whole-hour offset from UTC
  const pos = minute / 60 - 0.5;
  const other = pos >= 0 ? (how + 1) % 168 : (how + 167) % 168;
  const a = profile[how] ?? null;
  const b = profile[other] ?? null;
  if (a === null) return b;
  if (b === null) return a;
  const w = Math.abs(pos);
  return a * (1 - w) + b * w;
}

export function forecast(profile: Profile, capacity: number, now: Date, currentFree: number): { minutes: number; at: Date; free: number }[] {
  const pNow = profileAt(profile, now);
  return HORIZONS_MIN.map((m) => {
    const at = new Date(now.getTime() + m * 60_000);
    const pThen = profileAt(profile, at);
    const value = pNow === null || pThen === null ? currentFree : pThen + (currentFree - pNow) * RHO ** (m / 15);
    return { minutes: m, at, free: Math.max(0, Math.min(capacity, Math.round(value))) };
  });
}

/**
 * Trains profiles on `trainDays` simulated days and forecasts 60 minutes ahead every 15 minutes of
 * the following `testDays` (held out). Returns the MAE in spaces for the method and for persistence.
 */
export function evaluateForecast(options: {
  sites: { uid: string; capacity: number; character: Character }[];
  start: Date;
  trainDays: number;
  testDays: number;
}): { mae: number; persistenceMae: number; relativeMae: number; samples: number } {
  const step = 15 * 60_000;
  const split = options.start.getTime() + options.trainDays * 86_400_000;
  const end = split + options.testDays * 86_400_000;
  let err = 0;
  let errP = 0;
  let cap = 0;
  let n = 0;
  for (const site of options.sites) {
    const sums = new Array<number>(168).fill(0);
    const counts = new Array<number>(168).fill(0);
    for (let t = options.start.getTime(); t < split; t += step) {
      const at = new Date(t);
      const how = hourOfWeek(at);
      sums[how]! += simulateFree(site, at);
      counts[how]! += 1;
    }
    const profile: Profile = sums.map((s, i) => (counts[i]! > 0 ? s / counts[i]! : null));
    for (let t = split; t + 60 * 60_000 < end; t += step) {
      const now = new Date(t);
      const current = simulateFree(site, now);
      const predicted = forecast(profile, site.capacity, now, current)[3]!.free;
      const actual = simulateFree(site, new Date(t + 60 * 60_000));
      err += Math.abs(predicted - actual);
      errP += Math.abs(current - actual);
      cap += site.capacity;
      n += 1;
    }
  }
  return { mae: err / n, persistenceMae: errP / n, relativeMae: err / cap, samples: n };
}
