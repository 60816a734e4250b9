import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { startSmtpServer, type SmtpServer } from '../../testing/smtp.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';

const CENTRE = { lat: 50.3597, long: 7.5958 };

describe('Schadensmelder mail to the reporter over a real SMTP server', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let editor: StaffSession;

  before(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Stadt Koblenz <schadensmelder@koblenz.invalid>', PUBLIC_URL: 'https://melder.koblenz.invalid' });
    editor = await createStaff(t, 'editor', ['reports']);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('confirmation link, then a German status mail without internal notes; the address never reaches Open311', async () => {
    const address = `melder-${Date.now()}@example.org`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports/requests',
      remoteAddress: '10.60.0.1',
      payload: { service_code: 'strassenschaeden', ...CENTRE, description: 'Tiefes Schlagloch vor der Hausnummer 12', email: address.toUpperCase() },
    });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json<{ id: string }>().id;

    const confirm = await smtp.waitFor((m) => m.to.includes(address));
    assert.equal(confirm.from, 'schadensmelder@koblenz.invalid');
    assert.match(confirm.headers['from']!, /Stadt Koblenz <schadensmelder@koblenz\.invalid>/);
    assert.match(confirm.headers['content-type']!, /text\/plain; charset=utf-8/i);
    assert.equal(confirm.subject, `Koblenz Schadensmelder: Bitte bestätigen Sie Ihre E-Mail-Adresse (Meldung ${id})`);
    assert.match(confirm.text, /Vielen Dank für Ihre Meldung/);
    assert.match(confirm.text, /Ihre E-Mail-Adresse wird nie veröffentlicht\./);
    // The link opens the web page, which confirms through the API.
    const link = /https:\/\/melder\.koblenz\.invalid\/schadensmelder\/bestaetigen\?token=([A-Za-z0-9_-]+)/.exec(confirm.text);
    assert.ok(link, confirm.text);

    // Not yet confirmed: a status change does not mail anyone.
    const early = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${id}/status`, headers: editor.headers, payload: { status: 'accepted' } });
    assert.equal(early.statusCode, 200, early.body);
    assert.equal(early.json<{ notified: boolean }>().notified, false);

    assert.equal((await t.app.inject({ url: `/api/reports/confirm?token=${link[1]}` })).statusCode, 200);
    const changed = await t.app.inject({
      method: 'POST',
      url: `/api/reports/requests/${id}/status`,
      headers: editor.headers,
      payload: { status: 'in_progress', publicNote: 'Die Reparatur ist für nächste Woche geplant.', internalNote: 'Bauhof Kolonne 7, Kosten 480 €' },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json<{ notified: boolean }>().notified, true);

    const status = await smtp.waitFor((m) => m.to.includes(address) && m.subject.includes('jetzt'));
    assert.equal(status.subject, `Koblenz Schadensmelder: Ihre Meldung ${id} ist jetzt „in Bearbeitung“`);
    assert.match(status.text, /^Guten Tag,/);
    assert.match(status.text, new RegExp(`der Stand Ihrer Meldung ${id} \\(Straßenschäden\\) ist jetzt: in Bearbeitung\\.`));
    assert.match(status.text, /Nachricht der Verwaltung:\nDie Reparatur ist für nächste Woche geplant\./);
    assert.match(status.text, new RegExp(`https://melder\\.koblenz\\.invalid/reports/${id}`));
    assert.ok(!status.text.includes('Kolonne') && !status.text.includes('480'), 'internal notes never reach the reporter');
    assert.equal(smtp.received.filter((m) => m.to.includes(address)).length, 2, 'one confirmation, one status mail');

    const outputs = await Promise.all(
      [`/open311/v2/requests/${id}.json?extensions=true`, `/open311/v2/requests/${id}.xml?extensions=true`, `/open311/v2/requests.json?service_request_id=${id}&extensions=true`, '/open311/v2/requests.xml?q=Schlagloch'].map(
        (url) => t.app.inject({ url }),
      ),
    );
    for (const o of outputs) {
      assert.equal(o.statusCode, 200);
      assert.ok(o.body.includes('Schlagloch'), 'the report is there');
      assert.ok(!o.body.toLowerCase().includes(address) && !o.body.includes('10.60.0.1'), 'but never the address or the IP');
    }
  });

  test('with the mail server down the status change still commits and says it did not notify', async () => {
    const address = `ausfall-${Date.now()}@example.org`;
    const id = (
      await t.app.inject({ method: 'POST', url: '/api/reports/requests', remoteAddress: '10.60.0.2', payload: { service_code: 'sonstiges', ...CENTRE, description: 'Schild verbogen', email: address } })
    ).json<{ id: string }>().id;
    const token = /token=([A-Za-z0-9_-]+)/.exec((await smtp.waitFor((m) => m.to.includes(address))).text)![1]!;
    assert.equal((await t.app.inject({ url: `/api/reports/confirm?token=${token}` })).statusCode, 200);
    await smtp.close();
    const res = await t.app.inject({ method: 'POST', url: `/api/reports/requests/${id}/status`, headers: editor.headers, payload: { status: 'resolved', publicNote: 'Erledigt.' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ notified: boolean; status: string }>().notified, false);
    assert.equal((await t.app.inject({ url: `/open311/v2/requests/${id}.json` })).json<{ status: string }[]>()[0]!.status, 'closed');
  });
});
