/**
 * Streams quads as Turtle, N-Triples (n3), RDF/XML and JSON-LD (small writers of our own: the quads
 * come grouped by subject per chunk, so neither needs the whole graph in memory).
 */
import { Readable } from 'node:stream';
import { StreamWriter } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { NS } from './opendata.vocab.js';

export type RdfFormat = 'turtle' | 'ntriples' | 'rdfxml' | 'jsonld';

export const MEDIA_TYPES: Record<RdfFormat, string> = {
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  rdfxml: 'application/rdf+xml',
  jsonld: 'application/ld+json',
};

export const SUFFIXES: Record<string, RdfFormat> = {
  ttl: 'turtle',
  nt: 'ntriples',
  rdf: 'rdfxml',
  xml: 'rdfxml',
  jsonld: 'jsonld',
};

/**
 * Picks the format from an Accept header (first supported type by q-value), else undefined. Plain
 * `application/json` means JSON-LD where there is no other JSON (the catalog); with `plainJson` (a
 * dataset, which has its own JSON answer, the one the web pages read) it means that answer.
 */
export function negotiate(accept: string | undefined, plainJson = false): RdfFormat | undefined {
  if (!accept) return undefined;
  const wanted = accept
    .split(',')
    .map((part, i) => {
      const [type = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith('q='))
          ?.slice(2) ?? '1',
      );
      return { type: type.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((w) => w.q > 0)
    .sort((x, y) => y.q - x.q || x.i - y.i);
  for (const w of wanted) {
    const hit = (Object.keys(MEDIA_TYPES) as RdfFormat[]).find((f) => MEDIA_TYPES[f] === w.type);
    if (hit) return hit;
    if (w.type === 'application/xml' || w.type === 'text/xml') return 'rdfxml';
    if (w.type === 'application/json') return plainJson ? undefined : 'jsonld';
  }
  return undefined;
}

function* flatten(chunks: Iterable<Quad[]>): Generator<Quad> {
  for (const c of chunks) yield* c;
}

/** Splits an IRI into a known prefix and local name, when the local name is a valid XML name. */
function qname(iri: string): [string, string] | undefined {
  for (const [prefix, ns] of Object.entries(NS)) {
    if (iri.startsWith(ns)) {
      const local = iri.slice(ns.length);
      if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(local)) return [prefix, local];
    }
  }
  return undefined;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Consecutive quads with the same subject. */
function* bySubject(chunks: Iterable<Quad[]>): Generator<Quad[]> {
  for (const chunk of chunks) {
    const groups = new Map<string, Quad[]>();
    for (const q of chunk) {
      const key = `${q.subject.termType}:${q.subject.value}`;
      groups.set(key, [...(groups.get(key) ?? []), q]);
    }
    yield* groups.values();
  }
}

const subjectAttr = (t: Term) =>
  t.termType === 'BlankNode' ? `rdf:nodeID="${xmlEscape(t.value)}"` : `rdf:about="${xmlEscape(t.value)}"`;

function* rdfXml(chunks: Iterable<Quad[]>): Generator<string> {
  const xmlns = Object.entries(NS)
    .map(([p, ns]) => `\n  xmlns:${p}="${ns}"`)
    .join('');
  yield `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${xmlns}>\n`;
  for (const group of bySubject(chunks)) {
    let out = `<rdf:Description ${subjectAttr(group[0]!.subject)}>\n`;
    for (const q of group) {
      const name = qname(q.predicate.value);
      if (!name) throw new Error(`predicate without a known prefix: ${q.predicate.value}`);
      const tag = `${name[0]}:${name[1]}`;
      const o = q.object;
      if (o.termType === 'NamedNode') out += `  <${tag} rdf:resource="${xmlEscape(o.value)}"/>\n`;
      else if (o.termType === 'BlankNode') out += `  <${tag} rdf:nodeID="${xmlEscape(o.value)}"/>\n`;
      else if (o.termType === 'Literal') {
        const attr = o.language
          ? ` xml:lang="${o.language}"`
          : o.datatype.value !== `${NS.xsd}string`
            ? ` rdf:datatype="${xmlEscape(o.datatype.value)}"`
            : '';
        out += `  <${tag}${attr}>${xmlEscape(o.value)}</${tag}>\n`;
      }
    }
    yield `${out}</rdf:Description>\n`;
  }
  yield '</rdf:RDF>\n';
}

function jsonLdTerm(t: Term): unknown {
  if (t.termType === 'NamedNode') return { '@id': t.value };
  if (t.termType === 'BlankNode') return { '@id': `_:${t.value}` };
  if (t.termType === 'Literal') {
    if (t.language) return { '@value': t.value, '@language': t.language };
    if (t.datatype.value !== `${NS.xsd}string`) return { '@value': t.value, '@type': t.datatype.value };
    return { '@value': t.value };
  }
  return null;
}

/** JSON-LD 1.1 with a prefix context: predicates as compact IRIs, values in expanded value form. */
function* jsonLd(chunks: Iterable<Quad[]>): Generator<string> {
  yield `{"@context":${JSON.stringify(NS)},"@graph":[`;
  let first = true;
  for (const group of bySubject(chunks)) {
    const s = group[0]!.subject;
    const node: Record<string, unknown[] | string> = { '@id': s.termType === 'BlankNode' ? `_:${s.value}` : s.value };
    for (const q of group) {
      const name = qname(q.predicate.value);
      const key = q.predicate.value === `${NS.rdf}type` ? '@type' : name ? `${name[0]}:${name[1]}` : q.predicate.value;
      const value = key === '@type' ? q.object.value : jsonLdTerm(q.object);
      const list = node[key];
      if (Array.isArray(list)) list.push(value);
      else node[key] = [value];
    }
    yield `${first ? '' : ','}\n${JSON.stringify(node)}`;
    first = false;
  }
  yield '\n]}\n';
}

const PREFIXES: Record<string, string> = { ...NS };

/** A readable stream of the serialised chunks; chunks are produced only as the client reads. */
export function serialize(chunks: Iterable<Quad[]>, format: RdfFormat): Readable {
  switch (format) {
    case 'rdfxml':
      return Readable.from(rdfXml(chunks));
    case 'jsonld':
      return Readable.from(jsonLd(chunks));
    case 'turtle':
      return Readable.from(flatten(chunks)).pipe(new StreamWriter({ prefixes: PREFIXES }));
    case 'ntriples':
      return Readable.from(flatten(chunks)).pipe(new StreamWriter({ format: 'N-Triples' }));
  }
}
