import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAGE_JSONLD_ID, withHead } from './web.js';

const SHELL =
  '<!doctype html><html lang="de"><head><meta name="description" content="Plattform" />' +
  '<title>Confluentes – Smart City Koblenz</title></head><body><div id="root"></div></body></html>';

test('a page head replaces title and description and adds the JSON-LD before </head>', () => {
  const html = withHead(SHELL, {
    title: 'Chorprobe – Confluentes',
    description: 'Proben "mittwochs"',
    jsonLd: '{"@type":"Event"}',
  });
  assert.match(html, /<title>Chorprobe – Confluentes<\/title>/);
  assert.match(html, /<meta name="description" content="Proben &quot;mittwochs&quot;" \/>/);
  assert.match(
    html,
    new RegExp(`<script type="application/ld\\+json" id="${PAGE_JSONLD_ID}">\\{"@type":"Event"\\}</script></head>`),
  );
  assert.equal(html.match(/<title>/g)?.length, 1);
});

test('text from records stays text in the head: markup is escaped, "$&" is not a replacement pattern', () => {
  const html = withHead(SHELL, { title: '</title><script>alert(1)</script> $& $1', description: '<b>x</b>' });
  assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; \$&amp; \$1<\/title>/);
  assert.ok(!html.includes('<script>'));
  assert.match(html, /content="&lt;b&gt;x&lt;\/b&gt;"/);
});

test('JSON-LD with a raw "<" (not serialised for embedding) is left out rather than risk closing the element', () => {
  const html = withHead(SHELL, { title: 'x', jsonLd: '{"name":"</script><script>alert(1)</script>"}' });
  assert.ok(!html.includes('application/ld+json'));
  assert.ok(!html.includes('alert'));
});
