/**
 * The catalog as RDF (DCAT-AP.de 3.0, valid under 2.0 too): quads per dataset, so pages are
 * serialised as they are produced. Every node that repeats on a page (publisher, contact) is named,
 * so each page stands alone for a harvester.
 */
import { DataFactory } from 'n3';
import type { Quad, Quad_Subject } from '@rdfjs/types';
import type { OpendataSettings } from './opendata.service.js';
import { catalogUri, type DatasetView } from './opendata.view.js';
import { EU, GEOCODING, NS, fileType, frequency, theme } from './opendata.vocab.js';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const literal = (value: string, langOrType?: string | ReturnType<typeof namedNode>) => DataFactory.literal(value, langOrType);
const blankNode = () => DataFactory.blankNode();
const quad = (s: Quad_Subject, p: ReturnType<typeof namedNode>, o: Quad['object']) => DataFactory.quad(s, p, o);
const n = (prefix: keyof typeof NS, local: string) => namedNode(NS[prefix] + local);
const a = n('rdf', 'type');
const dateTime = (iso: string) => literal(iso, n('xsd', 'dateTime'));
const date = (d: string) => literal(d, n('xsd', 'date'));

export interface CatalogPage {
  page: number;
  size: number;
  total: number;
  datasets: DatasetView[];
  /** The latest dataset change, as the catalog's dct:modified. */
  modified: string | null;
}

export function createRdfBuilder(settings: OpendataSettings) {
  const base = { publicUrl: settings.publicUrl };
  const catalog = namedNode(catalogUri(base));
  const publisher = namedNode(`${catalogUri(base)}#publisher`);
  const contact = namedNode(`${catalogUri(base)}#contact`);

  function agents(): Quad[] {
    const q: Quad[] = [
      quad(publisher, a, n('foaf', 'Agent')),
      quad(publisher, a, n('foaf', 'Organization')),
      quad(publisher, n('foaf', 'name'), literal(settings.publisher.name, 'de')),
      quad(publisher, n('dct', 'type'), namedNode('http://purl.org/adms/publishertype/LocalAuthority')),
      quad(contact, a, n('vcard', 'Organization')),
      quad(contact, n('vcard', 'fn'), literal(settings.publisher.name)),
    ];
    if (settings.publisher.website) {
      q.push(quad(publisher, n('foaf', 'homepage'), namedNode(settings.publisher.website)));
      q.push(quad(contact, n('vcard', 'hasURL'), namedNode(settings.publisher.website)));
    }
    if (settings.publisher.email) q.push(quad(contact, n('vcard', 'hasEmail'), namedNode(`mailto:${settings.publisher.email}`)));
    if (settings.publisher.phone)
      q.push(quad(contact, n('vcard', 'hasTelephone'), namedNode(`tel:${settings.publisher.phone.replace(/[^+\d]/g, '')}`)));
    return q;
  }

  function bilingual(s: Quad_Subject, p: ReturnType<typeof n>, v: { de: string; en: string }): Quad[] {
    return [quad(s, p, literal(v.de, 'de')), quad(s, p, literal(v.en, 'en'))];
  }

  function spatial(ds: DatasetView, s: Quad_Subject): Quad[] {
    const [w, so, e, no] = ds.bbox ?? settings.bbox;
    const loc = blankNode();
    const wkt = `POLYGON((${w} ${so}, ${e} ${so}, ${e} ${no}, ${w} ${no}, ${w} ${so}))`;
    return [
      quad(s, n('dct', 'spatial'), loc),
      quad(loc, a, n('dct', 'Location')),
      quad(loc, n('dcat', 'bbox'), literal(wkt, n('gsp', 'wktLiteral'))),
      quad(loc, n('dcat', 'centroid'), literal(`POINT(${(w! + e!) / 2} ${(so! + no!) / 2})`, n('gsp', 'wktLiteral'))),
      // Konvention 08/10: a dataset covering the whole municipality names it by its Regionalschlüssel.
      quad(s, n('dcatde', 'politicalGeocodingURI'), namedNode(`${GEOCODING}regionalKey/${settings.ars}`)),
      quad(s, n('dcatde', 'politicalGeocodingLevelURI'), namedNode(`${GEOCODING}Level/municipality`)),
    ];
  }

  /** All quads of one dataset, its distributions and data services. */
  function dataset(ds: DatasetView): Quad[] {
    const s = namedNode(ds.uri);
    const q: Quad[] = [
      quad(catalog, n('dcat', 'dataset'), s),
      quad(s, a, n('dcat', 'Dataset')),
      ...bilingual(s, n('dct', 'title'), ds.title),
      ...bilingual(s, n('dct', 'description'), ds.description),
      quad(s, n('dct', 'identifier'), literal(ds.uri)),
      quad(s, n('dct', 'issued'), dateTime(ds.issued)),
      quad(s, n('dct', 'modified'), dateTime(ds.modified)),
      quad(s, n('dct', 'publisher'), publisher),
      quad(s, n('dcat', 'contactPoint'), contact),
      quad(s, n('dct', 'accrualPeriodicity'), namedNode(frequency(ds.accrualPeriodicity))),
      quad(s, n('dct', 'accessRights'), namedNode(`${EU}access-right/PUBLIC`)),
      quad(s, n('dct', 'language'), namedNode(`${EU}language/DEU`)),
      ...ds.keywords.map((k) => quad(s, n('dcat', 'keyword'), literal(k, 'de'))),
      ...ds.themes.map((t) => quad(s, n('dcat', 'theme'), namedNode(theme(t)))),
      ...settings.contributorIds.map((c) => quad(s, n('dcatde', 'contributorID'), namedNode(c))),
      ...spatial(ds, s),
    ];
    if (ds.landingPage) q.push(quad(s, n('dcat', 'landingPage'), namedNode(ds.landingPage)));
    if (ds.temporal.start || ds.temporal.end) {
      const period = blankNode();
      q.push(quad(s, n('dct', 'temporal'), period), quad(period, a, n('dct', 'PeriodOfTime')));
      if (ds.temporal.start) q.push(quad(period, n('dcat', 'startDate'), date(ds.temporal.start)));
      if (ds.temporal.end) q.push(quad(period, n('dcat', 'endDate'), date(ds.temporal.end)));
    }
    for (const d of ds.distributions) {
      const dist = namedNode(d.uri);
      const licence = namedNode(ds.licenceUri);
      q.push(
        quad(s, n('dcat', 'distribution'), dist),
        quad(dist, a, n('dcat', 'Distribution')),
        ...bilingual(dist, n('dct', 'title'), d.title),
        quad(dist, n('dcat', 'accessURL'), namedNode(d.url)),
        quad(dist, n('dct', 'license'), licence),
        quad(dist, n('dcatde', 'licenseAttributionByText'), literal(ds.attributionText, 'de')),
        quad(dist, n('dct', 'format'), namedNode(fileType(d.format))),
        quad(dist, n('dcat', 'mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${d.mediaType}`)),
        quad(dist, n('dct', 'modified'), dateTime(ds.modified)),
      );
      if (!d.isService) q.push(quad(dist, n('dcat', 'downloadURL'), namedNode(d.downloadUrl)));
      if (d.serviceUri) {
        const svc = namedNode(d.serviceUri);
        q.push(
          quad(catalog, n('dcat', 'service'), svc),
          quad(dist, n('dcat', 'accessService'), svc),
          quad(svc, a, n('dcat', 'DataService')),
          ...bilingual(svc, n('dct', 'title'), d.title),
          quad(svc, n('dcat', 'endpointURL'), namedNode(d.url)),
          quad(svc, n('dct', 'publisher'), publisher),
          quad(svc, n('dct', 'license'), licence),
          quad(svc, n('dcat', 'servesDataset'), s),
        );
        if (d.endpointDescription) q.push(quad(svc, n('dcat', 'endpointDescription'), namedNode(d.endpointDescription)));
        if (d.conformsTo) q.push(quad(svc, n('dct', 'conformsTo'), namedNode(d.conformsTo)));
      }
    }
    return q;
  }

  /** The catalog node, the agents and the Hydra paging node of one page. */
  function head(p: CatalogPage, pageUrl: (page: number) => string): Quad[] {
    const last = Math.max(1, Math.ceil(p.total / p.size));
    const view = namedNode(pageUrl(p.page));
    const q: Quad[] = [
      quad(catalog, a, n('dcat', 'Catalog')),
      ...bilingual(catalog, n('dct', 'title'), settings.catalogTitle),
      ...bilingual(catalog, n('dct', 'description'), settings.catalogDescription),
      quad(catalog, n('dct', 'publisher'), publisher),
      quad(catalog, n('dct', 'language'), namedNode(`${EU}language/DEU`)),
      quad(catalog, n('dcat', 'themeTaxonomy'), namedNode(`${EU}data-theme`)),
      quad(catalog, n('foaf', 'homepage'), namedNode(`${settings.publicUrl}/`)),
      ...agents(),
      // Both the current and the deprecated Hydra terms: ckanext-dcat and piveau read either.
      quad(view, a, n('hydra', 'PartialCollectionView')),
      quad(view, a, n('hydra', 'PagedCollection')),
      quad(view, n('hydra', 'totalItems'), literal(String(p.total), n('xsd', 'integer'))),
      quad(view, n('hydra', 'itemsPerPage'), literal(String(p.size), n('xsd', 'integer'))),
      quad(view, n('hydra', 'first'), namedNode(pageUrl(1))),
      quad(view, n('hydra', 'firstPage'), namedNode(pageUrl(1))),
      quad(view, n('hydra', 'last'), namedNode(pageUrl(last))),
      quad(view, n('hydra', 'lastPage'), namedNode(pageUrl(last))),
    ];
    if (p.modified) q.push(quad(catalog, n('dct', 'modified'), dateTime(p.modified)));
    if (p.page < last)
      q.push(
        quad(view, n('hydra', 'next'), namedNode(pageUrl(p.page + 1))),
        quad(view, n('hydra', 'nextPage'), namedNode(pageUrl(p.page + 1))),
      );
    if (p.page > 1) {
      q.push(
        quad(view, n('hydra', 'previous'), namedNode(pageUrl(p.page - 1))),
        quad(view, n('hydra', 'previousPage'), namedNode(pageUrl(p.page - 1))),
      );
    }
    return q;
  }

  /** The quads of a page in chunks: the head, then one chunk per dataset. */
  function* pageChunks(p: CatalogPage, pageUrl: (page: number) => string): Generator<Quad[]> {
    yield head(p, pageUrl);
    for (const ds of p.datasets) yield dataset(ds);
  }

  /** One dataset alone (its own URI dereferences to this), with the agents it points to. */
  function* datasetChunks(ds: DatasetView): Generator<Quad[]> {
    yield agents();
    yield dataset(ds).filter((x) => !x.subject.equals(catalog));
  }

  return { pageChunks, datasetChunks };
}
