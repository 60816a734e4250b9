/** Text helpers of the catalog: umlaut-tolerant search keys, dates, and the status vocabulary. */

export const STATUSES = ['online', 'in_umsetzung', 'geplant', 'nicht_online'] as const;
export type Status = (typeof STATUSES)[number];

export const PAYMENT_METHODS = ['paypal', 'credit_card', 'sepa_direct_debit', 'giropay', 'bank_transfer', 'invoice'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const isStatus = (v: unknown): v is Status => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);

/** Committee wording of the four rows (the city's report uses exactly these sentences). */
export const STATUS_LABELS: Record<'de' | 'en', Record<Status, string>> = {
  de: {
    online: 'Verwaltungsleistungen, die bereits online angeboten werden.',
    in_umsetzung: 'Verwaltungsleistungen, die sich gerade in der Umsetzung befinden und demnächst online angeboten werden.',
    geplant:
      'Verwaltungsleistungen, die online angeboten werden sollen. Eine Umsetzung erfolgt, sobald Ressourcen verfügbar sind.',
    nicht_online: 'Verwaltungsleistungen, die nach derzeitigem Stand aus bestimmten Gründen nicht online angeboten werden.',
  },
  en: {
    online: 'Services already offered online.',
    in_umsetzung: 'Services being implemented now, to be offered online soon.',
    geplant: 'Services to be offered online; implementation starts as soon as resources are available.',
    nicht_online: 'Services that, as things stand, will not be offered online for specific reasons.',
  },
};

export const STATUS_SHORT: Record<'de' | 'en', Record<Status, string>> = {
  de: { online: 'bereits online', in_umsetzung: 'in Umsetzung', geplant: 'geplant', nicht_online: 'nicht online' },
  en: { online: 'online', in_umsetzung: 'in implementation', geplant: 'planned', nicht_online: 'not online' },
};

/**
 * Search key: lower case, diacritics dropped, ß → ss, and the transcriptions ae/oe/ue folded to the
 * bare vowel. Applied to the stored text and to the query alike, so "Führerschein", "fuhrerschein"
 * and "Fuehrerschein" all become "fuhrerschein".
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a query, folded; LIKE wildcards cannot survive folding. */
export const searchTerms = (query: string): string[] => foldText(query).split(' ').filter(Boolean).slice(0, 8);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2024-02-30 and 29.07.2024). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** 2024-07-29 → 29.07.2024 (de) or 29 Jul 2024 (en). */
export function formatDate(date: string, lang: 'de' | 'en'): string {
  const [y, m, d] = date.split('-');
  if (lang === 'de') return `${d}.${m}.${y}`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** Signed number for change columns: +3, −2 (typographic minus), ±0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '±0';
}
