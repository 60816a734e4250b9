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

const tooMany = (what: string, max: number) =>
  new AppError('REPORTS_RATE_LIMITED', `Too many reports ${what}: at most ${max} per hour. Please try again later.`, {
    status: 429,
    headers: { 'retry-after': '3600' },
  });

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
  const since = new Date(s.now.getTime() - HOUR);
  if (s.apiKey) {
    const key = String(s.apiKey.id);
    if ((await repo.countEvents(trx, 'key', key, since)) >= s.apiKey.per_hour) throw tooMany('for this API key', s.apiKey.per_hour);
    await repo.insertEvent(trx, 'key', key, s.now);
    return;
  }
  const ipKey = sha256(`ip:${s.ip}`);
  if ((await repo.countEvents(trx, 'ip', ipKey, since)) >= settings.webSubmissionsPerHourPerIp) {
    throw tooMany('from your network address', settings.webSubmissionsPerHourPerIp);
  }
  await repo.insertEvent(trx, 'ip', ipKey, s.now);
  if (s.email) {
    const mailKey = sha256(`mail:${s.email}`);
    if ((await repo.countEvents(trx, 'mail', mailKey, since)) >= settings.webSubmissionsPerHourPerEmail) {
      throw tooMany('for this e-mail address', settings.webSubmissionsPerHourPerEmail);
    }
    await repo.insertEvent(trx, 'mail', mailKey, s.now);
  }
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
