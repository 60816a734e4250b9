/** URL slugs from German names, shared by the modules that give their records readable addresses. */

/** "Glasfaserausbau 22 Stadtteile" → "glasfaserausbau-22-stadtteile"; umlauts spelled out, other accents dropped. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
