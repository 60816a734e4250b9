import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { eventBody, registerRepresentative, type Representative } from '../../testing/community.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff } from '../../testing/staff.js';
import { escapeText, foldLine } from './community.ical.js';

describe('community: iCalendar feeds (RFC 5545)', () => {
  let t: TestApp;
  let club: Representative;
  let seriesId: number;
  let cancelledId: number;

  before(async () => {
    t = await createTestApp();
    club = await registerRepresentative(t, { name: 'Kammerchor iCal', category: 'music' });
    const city = await createStaff(t, 'editor', ['community']);
    await t.app.inject({ method: 'POST', url: `/api/community/organisations/${club.organisationId}/verify`, headers: city.headers, payload: { verified: true } });
    const post = async (payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/community/events', headers: club.headers, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: number }>().id;
    };
    // Tuesdays 19:00 Berlin time from 16 March 2027: daylight saving begins on 28 March; 23 March is skipped.
    seriesId = await post(
      eventBody(club.organisationId, {
        title: 'Probe; Chor, „Ökumenisch“ – mit Umlauten und einem langen Titel, der gefaltet werden muss',
        description: 'Zeile 1\nZeile 2; mit Komma, Semikolon und Backslash \\ — äöü ß 🎵',
        startsAt: '2027-03-16T19:00',
        endsAt: '2027-03-16T21:00',
        rrule: 'FREQ=WEEKLY;COUNT=5',
        exdates: ['2027-03-23T19:00'],
        categories: ['music', 'culture'],
        venue: { name: 'Gemeindesaal', address: 'Musterstraße 1, 56068 Koblenz', location: { lat: 50.36, lon: 7.59 } },
      }),
    );
    cancelledId = await post(eventBody(club.organisationId, { title: 'Abgesagtes Konzert', startsAt: '2027-10-30T20:00', endsAt: '2027-10-31T04:00', status: 'cancelled', categories: ['music'] }));
  });
  after(() => t.close());

  const parse = (text: string) => {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    return calendar;
  };

  for (const [name, url] of [
    ['all events', '/api/community/events.ics'],
    ['one organisation', () => `/api/community/organisations/${club.organisationId}/events.ics`],
    ['one category', '/api/community/categories/music/events.ics'],
  ] as const) {
    test(`the ${name} feed parses with ical.js, recurring across daylight saving with an excluded date`, async () => {
      const res = await t.app.inject({ url: typeof url === 'function' ? url() : url });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
      // CRLF line ends; no line over 75 octets; folded lines continue with a space.
      assert.ok(res.body.endsWith('\r\n'));
      assert.ok(!/[^\r]\n/.test(res.body), 'bare LF');
      for (const line of res.body.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line too long: ${line}`);

      const calendar = parse(res.body);
      assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
      assert.equal(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'), 'Europe/Berlin');
      const vevents = calendar.getAllSubcomponents('vevent');
      const series = new ICAL.Event(vevents.find((v) => String(v.getFirstPropertyValue('uid')).startsWith(`community-event-${seriesId}@`)));
      assert.equal(series.summary, 'Probe; Chor, „Ökumenisch“ – mit Umlauten und einem langen Titel, der gefaltet werden muss');
      assert.equal(series.description, 'Zeile 1\nZeile 2; mit Komma, Semikolon und Backslash \\ — äöü ß 🎵');
      assert.equal(series.location, 'Gemeindesaal, Musterstraße 1, 56068 Koblenz');
      assert.ok(series.isRecurring());
      const starts: string[] = [];
      const it = series.iterator();
      for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString());
      // 19:00 local is 18:00 UTC in winter and 17:00 UTC in summer; the 23rd is excluded.
      assert.deepEqual(starts, ['2027-03-16T18:00:00.000Z', '2027-03-30T17:00:00.000Z', '2027-04-06T17:00:00.000Z', '2027-04-13T17:00:00.000Z']);
      assert.equal(series.endDate.toJSDate().toISOString(), '2027-03-16T20:00:00.000Z');

      const cancelled = vevents.find((v) => String(v.getFirstPropertyValue('uid')).startsWith(`community-event-${cancelledId}@`))!;
      assert.equal(cancelled.getFirstPropertyValue('status'), 'CANCELLED');
      // The night of the change back to winter time (03:00 CEST → 02:00 CET): 20:00 CEST to 04:00 CET.
      const concert = new ICAL.Event(cancelled);
      assert.equal(concert.startDate.toJSDate().toISOString(), '2027-10-30T18:00:00.000Z');
      assert.equal(concert.endDate.toJSDate().toISOString(), '2027-10-31T03:00:00.000Z');
    });
  }

  test('the API expands the same occurrences as the feed', async () => {
    const detail = (await t.app.inject({ url: `/api/community/events/${seriesId}` })).json<{ occurrences: { startsAt: string; endsAt: string }[]; exdates: string[] }>();
    assert.deepEqual(
      detail.occurrences.map((o) => o.startsAt),
      ['2027-03-16T18:00:00.000Z', '2027-03-30T17:00:00.000Z', '2027-04-06T17:00:00.000Z', '2027-04-13T17:00:00.000Z'],
    );
    assert.deepEqual(detail.exdates, ['2027-03-23T18:00:00.000Z']);
    assert.equal(detail.occurrences[1]!.endsAt, '2027-03-30T19:00:00.000Z');
  });

  test('text escaping and folding follow RFC 5545', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'ä'.repeat(80)}`);
    const lines = folded.split('\r\n');
    assert.ok(lines.length > 1);
    for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75);
    assert.ok(lines.slice(1).every((l) => l.startsWith(' ')));
    // No multi-byte character is cut: unfolding gives the original back.
    assert.equal(lines.map((l, i) => (i ? l.slice(1) : l)).join(''), `DESCRIPTION:${'ä'.repeat(80)}`);
  });
});
