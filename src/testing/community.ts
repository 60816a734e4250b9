/** Test helpers of the community module: representatives of clubs registered and enrolled over HTTP. */
import assert from 'node:assert/strict';
import { uniqueEmail, type TestApp } from './harness.js';
import { enrol, type StaffSession } from './staff.js';

export interface Representative extends StaffSession {
  organisationId: number;
}

/** The one-time link in the last mail to an address. */
export function linkIn(t: TestApp, to: string, pattern: RegExp): string {
  const mail = [...t.mailer.sent].reverse().find((m) => m.to === to);
  assert.ok(mail, `no mail to ${to}`);
  const match = pattern.exec(mail.text);
  assert.ok(match, `no link in mail: ${mail.text}`);
  return match[0];
}
export const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

/** Registers a club over HTTP, confirms the address through the mailed link and sets up TOTP. */
export async function registerRepresentative(t: TestApp, organisation: { name: string; category?: string; district?: string }): Promise<Representative> {
  const email = uniqueEmail('verein');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/community/register',
    payload: { email, displayName: 'Vorsitz', organisation: { category: 'sport', ...organisation } },
  });
  assert.equal(res.statusCode, 202, res.body);
  const session = await enrol(t, 0, email, tokenOf(linkIn(t, email, /https?:\/\/\S+\/staff\/enrol\?token=\S+/)));
  const me = await t.app.inject({ url: '/api/community/me', headers: session.headers });
  assert.equal(me.statusCode, 200, me.body);
  const body = me.json<{ account: { id: number }; memberships: { organisation: { id: number }; role: string }[] }>();
  return { ...session, id: body.account.id, organisationId: body.memberships[0]!.organisation.id };
}

/** A minimal valid event body; override what a test is about. */
export const eventBody = (organisationId: number, extra: Record<string, unknown> = {}) => ({
  organisationId,
  title: 'Training',
  startsAt: '2027-05-04T18:00',
  endsAt: '2027-05-04T19:30',
  categories: ['sport'],
  ...extra,
});

/** Berlin wall-clock time `days` from now at `hour`:00, as the API's local input and a datetime-local field take it (YYYY-MM-DDTHH:mm). */
export function berlinLocal(now: Date, days: number, hour: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(now.getTime() + days * 86_400_000));
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}
