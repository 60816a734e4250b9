/**
 * Form inputs hold the text the person typed; these turn it into API values. A text that is not a
 * number is sent as it is, so the server's field error names the input instead of a silent null.
 */

/** "47,5" or "47.5" → 47.5; empty → null; anything else stays text. */
export function numberOrText(value: string): number | string | null {
  const v = value.trim();
  if (!v) return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
}

/** Empty or blank → null (the API's "not set"), else the trimmed text. */
export function textOrNull(value: string): string | null {
  return value.trim() ? value.trim() : null;
}

/** An API value shown in a text input. */
export function asText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A tri-state yes/no/unknown select ('' | 'yes' | 'no') ↔ boolean | null. */
export const fromYesNo = (v: string): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
export const toYesNo = (v: boolean | null | undefined): string => (v === true ? 'yes' : v === false ? 'no' : '');

/** Today in the city's time zone as YYYY-MM-DD. */
export const todayInBerlin = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
