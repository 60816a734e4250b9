/**
 * The city's brand colour comes from the API, so its text colour is chosen at run time:
 * black or white, whichever has the higher WCAG contrast ratio (always at least 4.58:1).
 */
function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m?.[1]) return null;
  let h = m[1];
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const n = parseInt(h, 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/** Returns a readable text colour for the background, or null if the colour is not a hex value. */
export function readableTextOn(background: string): '#000000' | '#ffffff' | null {
  const l = relativeLuminance(background);
  if (l === null) return null;
  return contrastRatio(l, 1) >= contrastRatio(l, 0) ? '#ffffff' : '#000000';
}
