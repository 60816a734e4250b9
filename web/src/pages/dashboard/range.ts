/**
 * The time range and comparison of a detail view, kept in the URL query (a permalink restores the
 * view): `?zeitraum=7d` or `?zeitraum=custom&von=2026-11-01T00:00&bis=2026-11-08T00:00`, plus
 * `&vergleich=previous|lastYear`. Custom times are local wall-clock times, as the inputs show them.
 */
export const PRESETS = ['24h', '7d', '30d', '12m'] as const;
export type Preset = (typeof PRESETS)[number];
export type Compare = '' | 'previous' | 'lastYear';

export interface RangeState {
  range: Preset | 'custom';
  /** datetime-local values (YYYY-MM-DDTHH:mm) of a custom range */
  from: string;
  to: string;
  compare: Compare;
}

const isPreset = (v: string | null): v is Preset => (PRESETS as readonly (string | null)[]).includes(v);

export function readState(params: URLSearchParams): RangeState {
  const range = params.get('zeitraum');
  const compare = params.get('vergleich');
  return {
    range: range === 'custom' ? 'custom' : isPreset(range) ? range : '7d',
    from: params.get('von') ?? '',
    to: params.get('bis') ?? '',
    compare: compare === 'previous' || compare === 'lastYear' ? compare : '',
  };
}

export function writeState(state: RangeState): URLSearchParams {
  const params = new URLSearchParams({ zeitraum: state.range });
  if (state.range === 'custom') {
    params.set('von', state.from);
    params.set('bis', state.to);
  }
  if (state.compare) params.set('vergleich', state.compare);
  return params;
}

/** The instants of a state; presets end at the current minute. Invalid custom input gives undefined. */
export function resolveRange(state: RangeState, now: Date): { from: Date; to: Date } | undefined {
  if (state.range === 'custom') {
    const from = new Date(state.from);
    const to = new Date(state.to);
    return Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) ? undefined : { from, to };
  }
  const to = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const from = new Date(to);
  if (state.range === '24h') from.setHours(from.getHours() - 24);
  else if (state.range === '7d') from.setDate(from.getDate() - 7);
  else if (state.range === '30d') from.setDate(from.getDate() - 30);
  else from.setFullYear(from.getFullYear() - 1);
  return { from, to };
}

/** A Date as the value of a datetime-local input (local time, minutes). */
export function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
