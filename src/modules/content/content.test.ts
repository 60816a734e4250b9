import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renderMarkdown } from '../../platform/text/markdown.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';

describe('content pages', () => {
  let t: TestApp;
  let admin: StaffSession;
  before(async () => {
    t = await createTestApp();
    admin = await createStaff(t, 'admin');
  });
  after(() => t.close());

  test('every legal page exists in German and English by default', async () => {
    for (const slug of ['impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache']) {
      for (const lang of ['de', 'en']) {
        const res = await t.app.inject({ url: `/api/content/${slug}?lang=${lang}` });
        assert.equal(res.statusCode, 200, `${slug}/${lang}`);
        assert.ok(res.json<{ title: string }>().title.length > 3);
      }
    }
  });

  test('unknown page and language are 4xx naming the problem', async () => {
    assert.equal((await t.app.inject({ url: '/api/content/agb' })).statusCode, 404);
    const lang = await t.app.inject({ url: '/api/content/impressum?lang=fr' });
    assert.equal(lang.statusCode, 400);
    assert.equal(lang.json<{ errors: { field: string }[] }>().errors[0]!.field, 'query.lang');
  });

  test('admins edit a page; script in Markdown is neutralised', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/content/leichte-sprache',
      headers: admin.headers,
      payload: { lang: 'de', title: 'Leichte Sprache', markdown: 'Hallo <script>alert(1)</script> [x](javascript:alert(1))' },
    });
    assert.equal(res.statusCode, 200);
    const html = res.json<{ html: string }>().html;
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('javascript:'));
    const anon = await t.app.inject({ method: 'PUT', url: '/api/content/leichte-sprache', payload: { lang: 'de', title: 'x', markdown: 'y' } });
    assert.equal(anon.statusCode, 401);
  });

  test('accessibility feedback is accepted from anyone, honeypot rejected', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/content/feedback', payload: { message: 'Der Kontrast im Kopf ist zu gering.', pageUrl: '/' } });
    assert.equal(ok.statusCode, 201);
    const bot = await t.app.inject({ method: 'POST', url: '/api/content/feedback', payload: { message: 'Buy now cheap', website: 'http://spam' } });
    assert.equal(bot.statusCode, 400);
    const short = await t.app.inject({ method: 'POST', url: '/api/content/feedback', payload: { message: 'x' } });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.message');
    const list = await t.app.inject({ url: '/api/content/feedback', headers: admin.headers });
    assert.ok(list.json<{ items: { message: string }[] }>().items.some((i) => i.message.startsWith('Der Kontrast')));
  });
});

describe('safe Markdown', () => {
  test('renders headings, lists, emphasis and safe links', () => {
    const html = renderMarkdown('# Titel\n\nText **fett** und *kursiv*.\n\n- eins\n- zwei\n\n[Koblenz](https://www.koblenz.de)');
    assert.match(html, /<h2>Titel<\/h2>/);
    assert.match(html, /<strong>fett<\/strong>/);
    assert.match(html, /<em>kursiv<\/em>/);
    assert.match(html, /<ul><li>eins<\/li><li>zwei<\/li><\/ul>/);
    assert.match(html, /<a href="https:\/\/www.koblenz.de" rel="noopener noreferrer">Koblenz<\/a>/);
  });

  test('cannot inject tags, attributes, styles or script URLs', () => {
    const attacks = [
      '<img src=x onerror=alert(1)>',
      '<style>body{display:none}</style>',
      '[a](javascript:alert(1))',
      '[a](JaVaScRiPt:alert(1))',
      '[a](data:text/html,<script>x</script>)',
      '[a](https://x" onmouseover="alert(1))',
      '`<script>`',
    ];
    for (const a of attacks) {
      const html = renderMarkdown(a);
      assert.ok(!/<(img|style|script)/i.test(html), a);
      assert.ok(!/href="(javascript|data):/i.test(html), a);
      assert.ok(!/ on\w+="/i.test(html), a);
    }
  });
});
