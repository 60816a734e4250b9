/**
 * Validates the whole catalog (every page, as a harvester reads it) against the official DCAT-AP.de
 * SHACL shapes, profiles 3.0 and 2.0 as GovData's validator combines them (vendor/dcat-ap-de-shacl).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Quad } from '@rdfjs/types';
import { createTestApp, type TestApp } from '../../testing/harness.js';

const vendor = new URL('../../../vendor/dcat-ap-de-shacl/', import.meta.url);
const OWL_IMPORTS = 'http://www.w3.org/2002/07/owl#imports';

const PROFILES: Record<string, string[]> = {
  // v30_de_spec and v20_de_spec of GovData's config.properties
  '3.0': [
    'v3.0/semic-dcat-ap-3.0.0/dcat-ap-SHACL.ttl',
    'v3.0/dcat-ap-de-imports.ttl',
    'v3.0/dcat-ap-SHACL-DE.ttl',
    'v3.0/dcat-ap-de-deprecated.ttl',
    'v3.0/dcat-ap-spec-german-additions.ttl',
    'v3.0/dcat-ap-de-controlledvocabularies.ttl',
  ],
  '2.0': [
    'v2.0/dcat-ap_2.1.1_shacl_shapes.ttl',
    'v2.0/dcat-ap-de-imports.ttl',
    'v2.0/dcat-ap-spec-german-messages.ttl',
    'v2.0/dcat-ap-spec-german-additions.ttl',
    'v2.0/dcat-ap-de-deprecated.ttl',
  ],
};

function turtle(text: string, into: Store) {
  into.addQuads(new Parser().parse(text));
}

async function rdfXml(text: string, into: Store) {
  const parser = new RdfXmlParser();
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (q: Quad) => into.addQuad(q));
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.write(text);
    parser.end();
  });
}

function shapes(profile: string) {
  const store = new Store();
  for (const f of PROFILES[profile]!) turtle(readFileSync(new URL(f, vendor), 'utf8'), store);
  // The imported vocabularies belong to the data graph (see vendor SOURCE.txt), not the shapes.
  for (const q of store.getQuads(null, OWL_IMPORTS, null, null)) store.removeQuad(q);
  return store;
}

/** The support data the imports would bring, plus the EU vocabulary subset the catalog uses. */
async function supportData(into: Store) {
  await rdfXml(readFileSync(new URL('support-data/foaf_0_1.rdf', vendor), 'utf8'), into);
  await rdfXml(readFileSync(new URL('support-data/dcat-ap-de-licenses-open.rdf', vendor), 'utf8'), into);
  await rdfXml(readFileSync(new URL('support-data/dcat-ap-de-contributors.rdf', vendor), 'utf8'), into);
  turtle(readFileSync(new URL('support-data/vcard.ttl', vendor), 'utf8'), into);
  turtle(readFileSync(new URL('support-data/org.ttl', vendor), 'utf8'), into);
  turtle(readFileSync(new URL('./shacl/vocabulary-subset.ttl', import.meta.url), 'utf8'), into);
}

describe('DCAT-AP.de SHACL validation of the catalog', () => {
  let t: TestApp;
  const data = new Store();
  let pages = 0;
  before(async () => {
    t = await createTestApp();
    let url: string | undefined = '/api/opendata/catalog.ttl';
    while (url) {
      const res: { statusCode: number; body: string } = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, res.body);
      const page = new Store(new Parser().parse(res.body));
      data.addQuads(page.getQuads(null, null, null, null));
      const next = page.getQuads(null, 'http://www.w3.org/ns/hydra/core#next', null, null)[0];
      url = next ? next.object.value.replace(t.config.publicUrl, '') : undefined;
      pages++;
    }
    await supportData(data);
  });
  after(() => t.close());

  for (const profile of Object.keys(PROFILES)) {
    test(`DCAT-AP.de ${profile}: 0 violations`, async () => {
      const report = await new SHACLValidator(shapes(profile)).validate(data);
      const violations = report.results.filter((r) => r.severity?.value === 'http://www.w3.org/ns/shacl#Violation');
      const summary = violations
        .slice(0, 15)
        .map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join(' / ')}`);
      assert.ok(pages >= 1);
      assert.ok(
        data.getQuads(null, null, 'http://www.w3.org/ns/dcat#Dataset', null).length >= 4,
        'the platform datasets are in the catalog',
      );
      assert.equal(violations.length, 0, summary.join('\n'));
    });
  }
});
