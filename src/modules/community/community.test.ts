import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { DEMO_SEEDS } from '../../app.js';
import { runSeeds } from '../../platform/db/seeds.js';
import { eventBody, linkIn, registerRepresentative, tokenOf, type Representative } from '../../testing/community.js';
import { createTestApp, uniqueEmail, type TestApp } from '../../testing/harness.js';
import { multipart } from '../../testing/uploads.js';
import { createStaff, enrol, type StaffSession } from '../../testing/staff.js';

type Problem = { code: string; detail?: string; errors?: { field: string }[] };
interface Occurrence {
  id: number;
  title: string;
  status: string;
  description: string;
  occurrenceStart: string;
  categories: string[];
}
interface Page<T> {
  items: T[];
  total: number;
}

describe('community: organisations, accounts and events', () => {
  let t: TestApp;
  let city: StaffSession;
  let otherEditor: StaffSession;
  let clubA: Representative;
  let clubB: Representative;

  before(async () => {
    // Every representative of these tests registers from the same address.
    t = await createTestApp({ COMMUNITY_REGISTER_PER_HOUR: '1000' });
    [city, otherEditor] = await Promise.all([createStaff(t, 'editor', ['community']), createStaff(t, 'editor', ['projects'])]);
    clubA = await registerRepresentative(t, { name: 'Turnverein Test A', district: 'metternich' });
    clubB = await registerRepresentative(t, { name: 'Chor Test B', category: 'music' });
  });
  after(() => t.close());

  const post = (url: string, payload: unknown, headers?: Record<string, string>) => t.app.inject({ method: 'POST', url, payload: payload as object, ...(headers ? { headers } : {}) });
  const verify = (id: number, headers = city.headers) => post(`/api/community/organisations/${id}/verify`, { verified: true }, headers);
  const search = async (query: string) => {
    const res = await t.app.inject({ url: `/api/community/events?${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Page<Occurrence>>();
  };
  const problem = (res: { statusCode: number; json: <T>() => T }, status: number, field?: string) => {
    assert.equal(res.statusCode, status, JSON.stringify(res.json()));
    const p = res.json<Problem>();
    if (field) assert.equal(p.errors?.[0]?.field, field, JSON.stringify(p));
    return p;
  };

  test('a representative registers by e-mail, must set up TOTP, and gets no staff rights', async () => {
    // Before the authenticator is set up, the session can do nothing else.
    const email = uniqueEmail('verein');
    assert.equal((await post('/api/community/register', { email, displayName: 'X', organisation: { name: 'Neuer Verein', category: 'social' } })).statusCode, 202);
    const token = tokenOf(linkIn(t, email, /https?:\/\/\S+\/staff\/enrol\?token=\S+/));
    const step = await post('/api/auth/enrolment', { token, password: 'Rhein-Mosel-Eck 2026!' });
    assert.equal(step.json<{ stage: string }>().stage, 'enrol');
    const cookie = step.cookies.find((c) => c.name === 'cf_session')!;
    const blocked = await t.app.inject({ url: '/api/community/me', headers: { cookie: `cf_session=${cookie.value}` } });
    assert.equal(problem(blocked, 403).code, 'AUTH_MFA_ENROLMENT_REQUIRED');

    const badDistrict = await post('/api/community/register', { email: uniqueEmail(), displayName: 'X', organisation: { name: 'Irgendwo', category: 'social', district: 'atlantis' } });
    problem(badDistrict, 400, 'body.organisation.district');

    // A second registration with the same address creates nothing and says so by mail only.
    assert.equal((await post('/api/community/register', { email, displayName: 'X', organisation: { name: 'Zweiter Versuch', category: 'social' } })).statusCode, 202);
    assert.match(t.mailer.sent.at(-1)!.subject, /bereits ein Konto/);

    // A fully enrolled representative: own organisation, unverified; no staff API answers.
    const me = await t.app.inject({ url: '/api/community/me', headers: clubA.headers });
    assert.deepEqual(
      me.json<{ memberships: { role: string; organisation: { verified: boolean } }[] }>().memberships.map((m) => [m.role, m.organisation.verified]),
      [['owner', false]],
    );
    assert.equal((await t.app.inject({ url: '/api/auth/me', headers: clubA.headers })).json<{ role: string }>().role, 'organisation');
    // Staff pages of every module refuse the account, whichever permission check they use.
    for (const url of ['/api/identity/users', '/api/audit', '/api/reports/inbox', '/api/community/moderation']) {
      const res = await t.app.inject({ url, headers: clubA.headers });
      assert.equal(res.statusCode, 403, `${url} answered ${res.statusCode}`);
      assert.equal(res.json<Problem>().code, 'AUTH_USER_REQUIRED');
    }
    assert.equal((await t.app.inject({ url: '/api/community/me' })).statusCode, 401);
  });

  test("an unverified organisation's events are not public until the city verifies it", async () => {
    const created = await post('/api/community/events', eventBody(clubA.organisationId, { title: 'Geheimes Training', startsAt: '2027-05-04T18:00', endsAt: '2027-05-04T19:30' }), clubA.headers);
    assert.equal(created.statusCode, 201, created.body);
    const event = created.json<{ id: number; moderation: string }>();

    const hidden = async () => {
      assert.equal((await t.app.inject({ url: `/api/community/events/${event.id}` })).statusCode, 404);
      assert.equal((await search(`organisation=${clubA.organisationId}&from=2027-05-01&to=2027-05-31`)).total, 0);
      assert.doesNotMatch((await t.app.inject({ url: '/api/community/events.ics' })).body, /Geheimes Training/);
      assert.equal((await t.app.inject({ url: `/api/community/organisations/${clubA.organisationId}` })).statusCode, 404);
    };
    await hidden();
    // Its own members and the city see it, with the internal contact.
    const own = await t.app.inject({ url: `/api/community/organisations/${clubA.organisationId}`, headers: clubA.headers });
    assert.equal(own.statusCode, 200);
    assert.ok('internalContact' in own.json<object>());
    assert.equal((await t.app.inject({ url: `/api/community/events/${event.id}`, headers: city.headers })).statusCode, 200);

    // Only the city verifies: not the club itself, not an editor of another module, not anonymous.
    assert.equal(problem(await verify(clubA.organisationId, clubA.headers), 403).code, 'AUTH_USER_REQUIRED');
    assert.equal(problem(await verify(clubA.organisationId, otherEditor.headers), 403).code, 'AUTH_MODULE_WRITE_FORBIDDEN');
    assert.equal((await post(`/api/community/organisations/${clubA.organisationId}/verify`, { verified: true })).statusCode, 401);
    await hidden();

    assert.equal((await verify(clubA.organisationId)).statusCode, 200);
    const found = await search(`organisation=${clubA.organisationId}&from=2027-05-01&to=2027-05-31`);
    assert.deepEqual(found.items.map((i) => i.title), ['Geheimes Training']);
    assert.match((await t.app.inject({ url: '/api/community/events.ics' })).body, /SUMMARY:Geheimes Training/);
    const publicOrg = await t.app.inject({ url: `/api/community/organisations/${clubA.organisationId}` });
    assert.equal(publicOrg.statusCode, 200);
    assert.ok(!('internalContact' in publicOrg.json<object>()), 'internal contact stays internal');

    // Withdrawing the verification hides everything again.
    assert.equal((await post(`/api/community/organisations/${clubA.organisationId}/verify`, { verified: false }, city.headers)).statusCode, 200);
    await hidden();
    assert.equal((await verify(clubA.organisationId)).statusCode, 200);
  });

  test("a representative of one club cannot edit another club's entry or events", async () => {
    const eventOfA = (await post('/api/community/events', eventBody(clubA.organisationId), clubA.headers)).json<{ id: number }>().id;
    const url = `/api/community/organisations/${clubA.organisationId}`;
    assert.equal(problem(await t.app.inject({ method: 'PATCH', url, headers: clubB.headers, payload: { description: 'übernommen' } }), 403).code, 'COMMUNITY_NOT_MEMBER');
    assert.equal(problem(await post('/api/community/events', eventBody(clubA.organisationId), clubB.headers), 403).code, 'COMMUNITY_NOT_MEMBER');
    // Moving A's event into B's organisation needs rights in A too.
    assert.equal((await t.app.inject({ method: 'PUT', url: `/api/community/events/${eventOfA}`, headers: clubB.headers, payload: eventBody(clubB.organisationId) })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/community/events/${eventOfA}`, headers: clubB.headers })).statusCode, 403);
    assert.equal((await post(`${url}/invitations`, { email: uniqueEmail(), role: 'owner' }, clubB.headers)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'PATCH', url, payload: { description: 'anonym' } })).statusCode, 401);
    // Staff of another module are not the city's community editors either.
    assert.equal((await t.app.inject({ method: 'PATCH', url, headers: otherEditor.headers, payload: { description: 'x' } })).statusCode, 403);

    const own = await t.app.inject({ method: 'PATCH', url, headers: clubA.headers, payload: { description: 'Turnen für alle', openingTimes: 'Di 18 Uhr', languages: ['de', 'en'] } });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(own.json<{ description: string }>().description, 'Turnen für alle');
    const byCity = await t.app.inject({ method: 'PATCH', url, headers: city.headers, payload: { district: 'guels' } });
    assert.equal(byCity.statusCode, 200);
  });

  test('a slug never shadows a page under /vereine/ and is never read as an id', async () => {
    for (const name of ['Registrieren', 'Einladung', '1860']) {
      const res = await post('/api/community/organisations', { name, category: 'other' }, city.headers);
      assert.equal(res.statusCode, 201, res.body);
      const { id, slug } = res.json<{ id: number; slug: string }>();
      assert.match(slug, new RegExp(`^${name.toLowerCase()}-\\d+$`));
      const found = await t.app.inject({ url: `/api/community/organisations/${slug}`, headers: city.headers });
      assert.equal(found.json<{ id: number }>().id, id, found.body);
    }
  });

  test('owners invite co-editors by e-mail; editors edit but do not manage members; the last owner stays', async () => {
    const email = uniqueEmail('kassenwart');
    const invited = await post(`/api/community/organisations/${clubB.organisationId}/invitations`, { email, role: 'editor' }, clubB.headers);
    assert.equal(invited.statusCode, 201, invited.body);
    const token = tokenOf(linkIn(t, email, /https?:\/\/\S+\/vereine\/einladung\?token=\S+/));

    const accepted = await post('/api/community/invitations/accept', { token });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const { enrolmentUrl, organisationId } = accepted.json<{ enrolmentUrl: string; organisationId: number }>();
    assert.equal(organisationId, clubB.organisationId);
    assert.equal(problem(await post('/api/community/invitations/accept', { token }), 410, 'body.token').code, 'COMMUNITY_INVITATION_INVALID');
    const coEditor = await enrol(t, 0, email, tokenOf(enrolmentUrl));

    const patch = await t.app.inject({ method: 'PATCH', url: `/api/community/organisations/${clubB.organisationId}`, headers: coEditor.headers, payload: { membershipFees: '5 € im Monat' } });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.equal(problem(await post(`/api/community/organisations/${clubB.organisationId}/invitations`, { email: uniqueEmail(), role: 'editor' }, coEditor.headers), 403).code, 'COMMUNITY_OWNER_REQUIRED');

    const members = await t.app.inject({ url: `/api/community/organisations/${clubB.organisationId}/members`, headers: clubB.headers });
    assert.deepEqual(members.json<{ members: { role: string }[] }>().members.map((m) => m.role).sort(), ['editor', 'owner']);
    const removeOwner = await t.app.inject({ method: 'DELETE', url: `/api/community/organisations/${clubB.organisationId}/members/${clubB.id}`, headers: clubB.headers });
    assert.equal(problem(removeOwner, 409).code, 'COMMUNITY_LAST_OWNER');
  });

  test('malformed dates, endless or exploding RRULEs, oversized and scripted descriptions get a clear 4xx or are neutralised', async () => {
    const create = (extra: Record<string, unknown>) => post('/api/community/events', eventBody(clubA.organisationId, extra), clubA.headers);
    problem(await create({ startsAt: '2027-02-30T10:00' }), 400, 'body.startsAt');
    problem(await create({ startsAt: 'morgen' }), 400, 'body.startsAt');
    problem(await create({ endsAt: '2027-05-04T25:00' }), 400, 'body.endsAt');
    problem(await create({ endsAt: '2027-05-04T17:00' }), 400, 'body.endsAt');
    problem(await create({ endsAt: '2027-06-30T17:00' }), 400, 'body.endsAt');
    problem(await create({ exdates: ['2027-13-01T18:00'], rrule: 'FREQ=WEEKLY;COUNT=3' }), 400, 'body.exdates.0');
    for (const rrule of [
      'FREQ=WEEKLY', // never ends
      'FREQ=SECONDLY;UNTIL=20370101T000000Z', // every second for 10 years
      'FREQ=HOURLY;COUNT=10',
      'FREQ=DAILY;BYHOUR=1,2,3;COUNT=10',
      'FREQ=DAILY;COUNT=5000',
      'FREQ=DAILY;UNTIL=20370101T000000Z', // 10 years, over 1,000 and over 2 years
      'FREQ=MONTHLY;UNTIL=20330101', // few, but beyond 2 years
      'FREQ=WEEKLY;UNTIL=20260101T000000Z', // ends before it starts
      'NONSENSE',
      'FREQ=WEEKLY;COUNT=3\nDTSTART:20270101T000000Z',
    ]) {
      assert.equal(problem(await create({ rrule }), 400, 'body.rrule').code, 'COMMUNITY_RRULE_INVALID', rrule);
    }
    problem(await create({ rrule: 'FREQ=WEEKLY;COUNT=3', exdates: ['2027-05-05T18:00'] }), 400, 'body.exdates');
    // A Tuesday start with a Monday/Thursday rule: calendar apps would add the Tuesday (RFC 5545), the rule would not.
    const unsynced = problem(await create({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4' }), 400, 'body.startsAt');
    assert.equal(unsynced.code, 'COMMUNITY_START_NOT_IN_RECURRENCE');
    assert.match(unsynced.detail ?? '', /2027-05-06 18:00/);
    problem(await create({ description: 'x'.repeat(5001) }), 400, 'body.description');
    problem(await create({ title: 'y'.repeat(201) }), 400, 'body.title');
    problem(await create({ registrationUrl: 'javascript:alert(1)' }), 400, 'body.registrationUrl');
    problem(await create({ venue: { district: 'atlantis' } }), 400, 'body.venue.district');

    const scripted = await create({
      title: '<img src=x onerror=alert(1)>Sommerfest',
      description: 'Vorher<script>alert("x")</script> <b>fett</b> & gut\r\n<style>p{}</style>Danach',
    });
    assert.equal(scripted.statusCode, 201, scripted.body);
    const stored = scripted.json<{ title: string; description: string; venue: { organisationId: number | null } }>();
    assert.equal(stored.title, 'Sommerfest');
    assert.equal(stored.venue.organisationId, clubA.organisationId, 'no venue given: the organisation itself is the venue');
    assert.equal(stored.description, 'Vorher fett & gut\nDanach');

    // The limits that hold: 1,000 occurrences within 2 years are accepted.
    const many = await create({ rrule: 'FREQ=DAILY;COUNT=700', startsAt: '2027-01-01T08:00', endsAt: '2027-01-01T09:00' });
    assert.equal(many.statusCode, 201, many.body);
    const detail = await t.app.inject({ url: `/api/community/events/${many.json<{ id: number }>().id}` });
    assert.equal(detail.json<{ occurrences: unknown[] }>().occurrences.length, 700);
  });

  test('event search: range, presets, category, district, free, accessible venue, text, paging; cancelled stays visible', async () => {
    const base = { organisationId: clubA.organisationId, categories: ['youth'] };
    const make = async (extra: Record<string, unknown>) => {
      const res = await post('/api/community/events', { ...eventBody(clubA.organisationId), ...base, ...extra }, clubA.headers);
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: number }>().id;
    };
    await make({ title: 'Zeltlager', startsAt: '2028-07-01T10:00', endsAt: '2028-07-03T12:00', free: false });
    await make({ title: 'Spielenachmittag', startsAt: '2028-07-02T15:00', endsAt: '2028-07-02T17:00', free: true, accessibleVenue: true, venue: { name: 'Bürgerhaus', district: 'lay' } });
    const cancelled = await make({ title: 'Ausflug', startsAt: '2028-07-02T09:00', endsAt: '2028-07-02T18:00', categories: ['seniors'] });
    await make({ title: 'Wochenkurs', startsAt: '2028-06-26T18:00', endsAt: '2028-06-26T19:00', rrule: 'FREQ=DAILY;COUNT=10' });

    const titles = async (q: string) => (await search(`organisation=${clubA.organisationId}&${q}`)).items.map((i) => i.title);
    const day = await titles('from=2028-07-02&to=2028-07-02');
    assert.ok(day.includes('Zeltlager'), 'a multi-day event overlaps the day');
    assert.ok(day.includes('Spielenachmittag') && day.includes('Ausflug') && day.includes('Wochenkurs'));
    assert.deepEqual(await titles('from=2028-07-02&to=2028-07-02&category=seniors'), ['Ausflug']);
    assert.deepEqual(await titles('from=2028-07-01&to=2028-07-03&free=true'), ['Spielenachmittag']);
    assert.deepEqual(await titles('from=2028-07-01&to=2028-07-03&accessible=true'), ['Spielenachmittag']);
    assert.deepEqual(await titles('from=2028-07-01&to=2028-07-03&district=lay'), ['Spielenachmittag']);
    assert.deepEqual(await titles('from=2028-07-01&to=2028-07-03&q=zeltl'), ['Zeltlager']);
    const page = await search(`organisation=${clubA.organisationId}&from=2028-06-26&to=2028-07-05&category=youth&limit=3&offset=3`);
    assert.equal(page.total, 12);
    assert.equal(page.items.length, 3);
    problem(await t.app.inject({ url: '/api/community/events?from=2028-02-30' }), 400, 'query.from');
    problem(await t.app.inject({ url: '/api/community/events?from=2028-07-05&to=2028-07-01' }), 400, 'query.to');
    problem(await t.app.inject({ url: '/api/community/events?category=cooking' }), 400, 'query.category');

    // Cancelling keeps the event listed, marked cancelled, in search, detail and feed.
    const body = { ...eventBody(clubA.organisationId), ...base, title: 'Ausflug', startsAt: '2028-07-02T09:00', endsAt: '2028-07-02T18:00', categories: ['seniors'], status: 'cancelled' };
    assert.equal((await t.app.inject({ method: 'PUT', url: `/api/community/events/${cancelled}`, headers: clubA.headers, payload: body })).statusCode, 200);
    const listed = (await search(`organisation=${clubA.organisationId}&from=2028-07-02&to=2028-07-02&category=seniors`)).items;
    assert.deepEqual(listed.map((i) => i.status), ['cancelled']);
    assert.equal((await t.app.inject({ url: `/api/community/events/${cancelled}` })).json<{ occurrences: { cancelled: boolean }[] }>().occurrences[0]!.cancelled, true);

    // Presets: today and the weekend are computed from the clock in Europe/Berlin.
    const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(t.clock.now());
    await make({ title: 'Heute', startsAt: `${todayIso}T23:00`, endsAt: `${todayIso}T23:30` });
    assert.ok((await titles('preset=today')).includes('Heute'));
    const range = (await t.app.inject({ url: '/api/community/events?preset=weekend' })).json<{ from: string; to: string }>();
    const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
    assert.ok(days >= 0.9 && days <= 2.1, `weekend spans ${days} days`);
    assert.equal(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short' }).format(new Date(range.to)), 'Mon');
  });

  test('moderation: with COMMUNITY_MODERATION=events a representative’s event waits for approval; registrations are rate-limited', async () => {
    const moderated = await createTestApp({ COMMUNITY_MODERATION: 'events', COMMUNITY_REGISTER_PER_HOUR: '2' });
    try {
      const rep = await registerRepresentative(moderated, { name: 'Moderierter Verein' });
      const again = () => moderated.app.inject({ method: 'POST', url: '/api/community/register', payload: { email: uniqueEmail(), displayName: 'X', organisation: { name: 'Y', category: 'other' } } });
      assert.equal((await again()).statusCode, 202);
      const limited = await again();
      assert.equal(limited.statusCode, 429);
      assert.ok(limited.headers['retry-after']);
      const editor = await createStaff(moderated, 'editor', ['community']);
      await moderated.app.inject({ method: 'POST', url: `/api/community/organisations/${rep.organisationId}/verify`, headers: editor.headers, payload: { verified: true } });
      const res = await moderated.app.inject({ method: 'POST', url: '/api/community/events', headers: rep.headers, payload: eventBody(rep.organisationId, { title: 'Wartet' }) });
      const event = res.json<{ id: number; moderation: string }>();
      assert.equal(event.moderation, 'pending');
      assert.equal((await moderated.app.inject({ url: `/api/community/events/${event.id}` })).statusCode, 404);
      const queue = await moderated.app.inject({ url: '/api/community/moderation', headers: editor.headers });
      assert.ok(queue.json<{ items: { id: number }[] }>().items.some((e) => e.id === event.id));
      const approved = await moderated.app.inject({ method: 'POST', url: `/api/community/events/${event.id}/moderation`, headers: editor.headers, payload: { state: 'approved' } });
      assert.equal(approved.statusCode, 200);
      assert.equal((await moderated.app.inject({ url: `/api/community/events/${event.id}` })).statusCode, 200);

      // Cancelling alone keeps the approved event public, marked cancelled; any other change waits again.
      const put = (extra: Record<string, unknown>) =>
        moderated.app.inject({ method: 'PUT', url: `/api/community/events/${event.id}`, headers: rep.headers, payload: eventBody(rep.organisationId, { title: 'Wartet', ...extra }) });
      const cancelled = await put({ status: 'cancelled' });
      assert.equal(cancelled.json<{ moderation: string }>().moderation, 'approved', cancelled.body);
      const shown = await moderated.app.inject({ url: `/api/community/events/${event.id}` });
      assert.equal(shown.json<{ status: string }>().status, 'cancelled', shown.body);
      assert.equal((await put({ status: 'cancelled', price: '5 €' })).json<{ moderation: string }>().moderation, 'pending');
      assert.equal((await moderated.app.inject({ url: `/api/community/events/${event.id}` })).statusCode, 404);
    } finally {
      await moderated.close();
    }
  });

  test('the notice board is open to members of verified organisations only', async () => {
    const unverified = await registerRepresentative(t, { name: 'Noch nicht geprüft' });
    assert.equal((await t.app.inject({ url: '/api/community/notices' })).statusCode, 401);
    assert.equal(problem(await t.app.inject({ url: '/api/community/notices', headers: unverified.headers }), 403).code, 'COMMUNITY_VERIFIED_ORGANISATION_REQUIRED');
    assert.equal(problem(await post('/api/community/notices', { organisationId: unverified.organisationId, kind: 'offer', title: 'Beamer' }, unverified.headers), 403).code, 'COMMUNITY_VERIFIED_ORGANISATION_REQUIRED');
    // Posting in the name of another organisation is refused.
    assert.equal((await post('/api/community/notices', { organisationId: clubA.organisationId, kind: 'offer', title: 'Fremd' }, unverified.headers)).statusCode, 403);
    // Staff who are not the city's community editors cannot create organisations; representatives can.
    assert.equal((await post('/api/community/organisations', { name: 'Von Fremden', category: 'other' }, otherEditor.headers)).statusCode, 403);
    const second = await post('/api/community/organisations', { name: 'Zweiter Verein', category: 'other' }, unverified.headers);
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.json<{ verified: boolean }>().verified, false);

    const posted = await post('/api/community/notices', { organisationId: clubA.organisationId, kind: 'request', title: 'Helfer für Vereinsfest gesucht', body: '<i>Drei</i> Personen' }, clubA.headers);
    assert.equal(posted.statusCode, 201, posted.body);
    const notice = posted.json<{ id: number; body: string }>();
    assert.equal(notice.body, 'Drei Personen');
    await verify(clubB.organisationId);
    const seen = await t.app.inject({ url: '/api/community/notices?kind=request', headers: clubB.headers });
    assert.ok(seen.json<{ items: { id: number }[] }>().items.some((n) => n.id === notice.id));
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/community/notices/${notice.id}`, headers: clubB.headers })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/community/notices/${notice.id}`, headers: clubA.headers })).statusCode, 204);
  });

  test('logos go through the image intake: content checked, re-encoded; GeoJSON and JSON-LD are published', async () => {
    const png = new PNG({ width: 4, height: 4 });
    png.data.fill(200);
    const upload = (file: Buffer, headers: Record<string, string>) => {
      const boundary = '----community';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({ method: 'POST', url: `/api/community/organisations/${clubA.organisationId}/logo`, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    assert.equal(problem(await upload(Buffer.from('<svg onload=alert(1)>'), clubA.headers), 400, 'body.file').code, 'COMMUNITY_IMAGE_INVALID');
    assert.equal((await upload(PNG.sync.write(png), clubB.headers)).statusCode, 403);
    const ok = await upload(PNG.sync.write(png), clubA.headers);
    assert.equal(ok.statusCode, 200, ok.body);
    const imageId = ok.json<{ logoImageId: number }>().logoImageId;
    const image = await t.app.inject({ url: `/api/community/images/${imageId}` });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');

    await t.app.inject({ method: 'PATCH', url: `/api/community/organisations/${clubA.organisationId}`, headers: clubA.headers, payload: { name: 'TV A </script><script>alert(1)</script>', location: { lat: 50.36, lon: 7.56 } } });
    const geo = await t.app.inject({ url: '/api/community/organisations.geojson' });
    assert.equal(geo.headers['content-type'], 'application/geo+json; charset=utf-8');
    const feature = geo.json<{ features: { properties: { id: number }; geometry: { coordinates: number[] } }[] }>().features.find((f) => f.properties.id === clubA.organisationId);
    assert.deepEqual(feature?.geometry.coordinates, [7.56, 50.36]);

    const ld = await t.app.inject({ url: `/api/community/organisations/${clubA.organisationId}/jsonld` });
    assert.equal(ld.headers['content-type'], 'application/ld+json; charset=utf-8');
    assert.doesNotMatch(ld.body, /<\/?script/i);
    const org = ld.json<{ '@type': string; logo: string }>();
    assert.equal(org['@type'], 'Organization');
    assert.match(org.logo, new RegExp(`/api/community/images/${imageId}$`));
    const someEvent = (await search(`organisation=${clubA.organisationId}&from=2027-05-01&to=2027-05-31`)).items[0]!;
    const eventLd = (await t.app.inject({ url: `/api/community/events/${someEvent.id}/jsonld` })).json<{ '@type': string; eventStatus: string; startDate: string }>();
    assert.equal(eventLd['@type'], 'Event');
    assert.equal(eventLd.eventStatus, 'https://schema.org/EventScheduled');
  });

  test('event images: alternative text required, content checked, at most six, public with their event, removed with it', async () => {
    const png = new PNG({ width: 6, height: 4 });
    png.data.fill(120);
    const pngBytes = PNG.sync.write(png);
    const created = await post('/api/community/events', eventBody(clubA.organisationId, { title: 'Bilderabend' }), clubA.headers);
    assert.equal(created.statusCode, 201, created.body);
    const eventId = created.json<{ id: number }>().id;
    const add = (alt: string | undefined, data: Buffer, headers = clubA.headers) => {
      const body = multipart(alt === undefined ? {} : { alt }, [{ name: 'file', filename: 'bild.png', type: 'image/png', data }]);
      return t.app.inject({ method: 'POST', url: `/api/community/events/${eventId}/images`, headers: { ...headers, ...body.headers }, payload: body.payload });
    };
    type WithImages = { images: { id: number; alt: string; width: number; url: string; thumbUrl: string }[] };
    assert.equal(problem(await add(undefined, pngBytes), 400, 'body.alt').code, 'COMMUNITY_IMAGE_ALT_REQUIRED');
    assert.equal(problem(await add('   ', pngBytes), 400, 'body.alt').code, 'COMMUNITY_IMAGE_ALT_REQUIRED');
    assert.equal(problem(await add('Ein Bild', Buffer.from('<svg onload=alert(1)>')), 400, 'body.file').code, 'COMMUNITY_IMAGE_INVALID');
    assert.equal((await add('Fremd', pngBytes, clubB.headers)).statusCode, 403);
    const first = await add('Chor auf der <b>Bühne</b>', pngBytes);
    assert.equal(first.statusCode, 201, first.body);
    const [image] = first.json<WithImages>().images;
    assert.deepEqual([image!.alt, image!.width], ['Chor auf der Bühne', 6]);
    assert.equal((await t.app.inject({ url: image!.thumbUrl })).statusCode, 200);
    const ld = (await t.app.inject({ url: `/api/community/events/${eventId}/jsonld` })).json<{ image: string[] }>();
    assert.deepEqual(ld.image.map((u) => new URL(u).pathname), [image!.url]);

    for (let i = 2; i <= 6; i++) assert.equal((await add(`Bild ${i}`, pngBytes)).statusCode, 201);
    const seventh = problem(await add('Bild 7', pngBytes), 409, 'body.file');
    assert.equal(seventh.code, 'COMMUNITY_IMAGE_COUNT');
    const detail = (await t.app.inject({ url: `/api/community/events/${eventId}` })).json<WithImages>();
    assert.deepEqual(detail.images.map((i) => i.alt), ['Chor auf der Bühne', 'Bild 2', 'Bild 3', 'Bild 4', 'Bild 5', 'Bild 6']);

    const removeUrl = (id: number) => `/api/community/events/${eventId}/images/${id}`;
    assert.equal((await t.app.inject({ method: 'DELETE', url: removeUrl(image!.id), headers: clubB.headers })).statusCode, 403);
    const removed = await t.app.inject({ method: 'DELETE', url: removeUrl(image!.id), headers: clubA.headers });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal(removed.json<WithImages>().images.length, 5);
    assert.equal((await t.app.inject({ url: image!.url })).statusCode, 404, 'the stored image is gone too');
    assert.equal((await t.app.inject({ method: 'DELETE', url: removeUrl(image!.id), headers: clubA.headers })).statusCode, 404);

    const kept = detail.images[1]!;
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/community/events/${eventId}`, headers: clubA.headers })).statusCode, 204);
    assert.equal((await t.app.inject({ url: kept.url, headers: clubA.headers })).statusCode, 404, 'deleting the event deletes its images');
  });

  test('the Koblenz demo data: the seven cultural institutions, demo clubs across districts and recurring demo events', async () => {
    await runSeeds(t.database.db, DEMO_SEEDS.filter((s) => s.module === 'community'));
    const all = (await t.app.inject({ url: '/api/community/organisations?limit=500' })).json<Page<{ name: string; demo: boolean; district: string | null; verified: boolean }>>().items;
    for (const name of ['Ludwig Museum Koblenz', 'Mittelrhein-Museum', 'Musikschule der Stadt Koblenz', 'Stadtbibliothek Koblenz', 'Theater Koblenz', 'Volkshochschule Koblenz', 'Kultur- und Schulverwaltung der Stadt Koblenz']) {
      assert.ok(all.some((o) => o.name === name && o.verified), name);
    }
    const clubs = all.filter((o) => o.demo);
    assert.ok(clubs.length >= 15);
    assert.ok(new Set(clubs.map((c) => c.district)).size >= 12, 'clubs across the Stadtteile');
    const events = await search('limit=500');
    assert.ok(events.items.some((e) => e.description.includes('Demodaten')));
    const feed = (await t.app.inject({ url: '/api/community/events.ics' })).body;
    assert.ok((feed.match(/\r\nRRULE:/g) ?? []).length >= 10, 'recurring demo events');
    assert.ok((feed.match(/BEGIN:VEVENT/g) ?? []).length >= 40);
  });

  test('open data: organisations and events are datasets of the catalog', async () => {
    for (const id of ['vereine-und-kultureinrichtungen', 'veranstaltungen-vereine-kultur']) {
      const res = await t.app.inject({ url: `/api/3/action/package_show?id=${id}` });
      assert.equal(res.statusCode, 200, `${id}: ${res.body.slice(0, 300)}`);
    }
  });
});
