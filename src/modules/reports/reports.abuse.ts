/**
 * Abuse protection without third parties: blocklist (addresses, domains, IPs, words), rate limits per
 * IP and per e-mail for web submissions, per key for API clients. Counted in the database so that
 * several app instances share the limits.
 */
import type { Db } from '../../platform/db/database.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import type { ApiKeyRow, BlockRow, ReportsRepository } from './reports.repository.js';
import { sha256, type ReportsSettings } from './reports.shared.js';

export interface SubmissionContext {
  channel: 'web' | 'open311';
  ip: string;
  apiKey?: string | undefined;
}

const HOUR = 3_600_000;

/**
 * 429 naming the limit; Retry-After is when the oldest counted submission leaves the hour window,
 * i.e. the earliest moment the next one is accepted.
 */
const tooMany = (what: string, max: number, oldest: Date | null, now: Date) => {
  const seconds = oldest ? Math.max(1, Math.ceil((oldest.getTime() + HOUR - now.getTime()) / 1000)) : HOUR / 1000;
  return new AppError('REPORTS_RATE_LIMITED', `Too many reports ${what}: at most ${max} per hour. Please try again in ${Math.ceil(seconds / 60)} minutes.`, {
    status: 429,
    headers: { 'retry-after': String(seconds) },
  });
};

/** Counts one submission under `kind`/`key`, or refuses it when `max` are already counted in the last hour. */
async function count(trx: Db, repo: ReportsRepository, kind: string, key: string, max: number, what: string, now: Date) {
  const seen = await repo.countEvents(trx, kind, key, new Date(now.getTime() - HOUR));
  if (seen.count >= max) throw tooMany(what, max, seen.oldest, now);
  await repo.insertEvent(trx, kind, key, now);
}

/** Addresses, domains and IPs on the list are refused; listed words only hold the text (see below). */
function blocked(blocklist: BlockRow[], email: string | null, ip: string): boolean {
  return blocklist.some(({ pattern }) => {
    const p = pattern.toLowerCase();
    if (p.startsWith('ip:')) return p.slice(3) === ip;
    if (p.startsWith('word:')) return false;
    if (p.startsWith('@')) return email?.endsWith(p) ?? false;
    return email === p;
  });
}

/** Checks and counts one submission inside the transaction that stores it. */
export async function checkSubmissionAllowed(
  trx: Db,
  repo: ReportsRepository,
  settings: ReportsSettings,
  s: { channel: 'web' | 'open311'; ip: string; email: string | null; blocklist: BlockRow[]; apiKey: ApiKeyRow | null; now: Date },
) {
  // Deliberately vague: telling a spammer which rule matched helps the spammer.
  if (blocked(s.blocklist, s.email, s.ip)) throw badRequest('REPORTS_SUBMISSION_REJECTED', 'This report cannot be accepted.');
  if (s.apiKey) {
    // API clients (the Koblenz App submits for many citizens from one backend) have their own limit.
    await count(trx, repo, 'key', String(s.apiKey.id), s.apiKey.per_hour, 'for this API key', s.now);
    return;
  }
  await count(trx, repo, 'ip', sha256(`ip:${s.ip}`), settings.webSubmissionsPerHourPerIp, 'from your network address', s.now);
  if (s.email) await count(trx, repo, 'mail', sha256(`mail:${s.email}`), settings.webSubmissionsPerHourPerEmail, 'for this e-mail address', s.now);
}

/**
 * The automatic text check: descriptions that contain an e-mail address, a phone number or a blocked
 * word are held for staff instead of being published, since they likely carry personal data.
 */
export function checkTextForPersonalData(description: string, blocklist: BlockRow[]): boolean {
  if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(description)) return true;
  if (/(\+49|\b0)[\d\s/-]{7,}\d/.test(description)) return true;
  const text = description.toLowerCase();
  return blocklist.some(({ pattern }) => pattern.startsWith('word:') && text.includes(pattern.slice(5).toLowerCase()));
}
