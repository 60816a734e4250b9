/**
 * Open311 GeoReport v2 documents: TypeBox schemas (the allow-list of what leaves the server, in both
 * formats), the mapping from our views, and the XML writer. JSON follows the spec's "Spark" mapping:
 * a container of repeated elements becomes an array and the wrapper names disappear.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Nullable } from '../../platform/http/schemas.js';
import type { AttributeDef, CategoryRow } from './reports.repository.js';
import type { PublicReport } from './reports.shared.js';

export const DiscoverySchema = Type.Object({
  changeset: Type.String(),
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Type.String(),
      type: Type.String(),
      formats: Type.Array(Type.String()),
    }),
  ),
});

export const ServiceSchema = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean(),
  type: Type.String(),
  keywords: Type.String(),
  group: Type.String(),
});
export const ServicesSchema = Type.Array(ServiceSchema);

export const ServiceDefinitionSchema = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      datatype_description: Type.String(),
      order: Type.Integer(),
      description: Type.String(),
      values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
    }),
  ),
});

const NoteSchema = Type.Object({ datetime: Type.String(), status: Nullable(Type.String()), description: Type.String() });

export const RequestSchema = Type.Object({
  service_request_id: Type.String(),
  status: Type.String(),
  status_notes: Nullable(Type.String()),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Nullable(Type.String()),
  agency_responsible: Nullable(Type.String()),
  service_notice: Nullable(Type.String()),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Nullable(Type.String()),
  address: Nullable(Type.String()),
  address_id: Nullable(Type.String()),
  zipcode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  media_url: Nullable(Type.String()),
  // Extension (only with extensions=true): the detailed workflow state and the public history.
  extended_attributes: Type.Optional(
    Type.Object({
      detailed_status: Type.String(),
      district: Nullable(Type.String()),
      supporters: Type.Integer(),
      duplicate_of: Nullable(Type.String()),
      demo: Type.Boolean(),
      media_urls: Type.Array(Type.String()),
      notes: Type.Array(NoteSchema),
    }),
  ),
});
export const RequestsSchema = Type.Array(RequestSchema);

export const PostResultSchema = Type.Array(
  Type.Object({ service_request_id: Type.String(), service_notice: Nullable(Type.String()), account_id: Nullable(Type.String()) }),
);
export const TokenResultSchema = Type.Array(Type.Object({ service_request_id: Type.String(), token: Type.String() }));
export const ErrorsSchema = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));

/** W3C datetime with zone designator and without fractions, as Open311 validators demand. */
export const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function serviceDoc(c: CategoryRow): Static<typeof ServiceSchema> {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: c.attributes.length > 0,
    type: 'realtime',
    keywords: c.keywords,
    group: c.group_name,
  };
}

export function definitionDoc(c: CategoryRow): Static<typeof ServiceDefinitionSchema> {
  return {
    service_code: c.code,
    attributes: [...c.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a: AttributeDef) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: a.order,
        description: a.description,
        ...(a.values?.length ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
      })),
  };
}

export function requestDoc(r: PublicReport, extensions: boolean): Static<typeof RequestSchema> {
  return {
    service_request_id: r.id,
    status: r.status,
    status_notes: r.statusNotes,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: w3c(r.requestedAt),
    updated_datetime: w3c(r.updatedAt),
    expected_datetime: null,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.long,
    media_url: r.mediaUrl,
    ...(extensions
      ? {
          extended_attributes: {
            detailed_status: r.detailedStatus,
            district: r.district,
            supporters: r.supporters,
            duplicate_of: r.duplicateOf,
            demo: r.demo,
            media_urls: r.mediaUrls,
            notes: r.notes.map((n) => ({ datetime: w3c(n.datetime), status: n.status, description: n.description })),
          },
        }
      : {}),
  };
}

// --- XML ---

/** Child element name of each repeating container, per the spec's element names. */
const CHILD: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  notes: 'note',
  media_urls: 'media_url',
};

const escapeXml = (s: string) =>
  // Characters XML 1.0 cannot carry at all are dropped rather than producing a broken document.
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp' }[c]!};`);

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = CHILD[name] ?? 'item';
    return `<${name}>${value.map((v) => element(child, v)).join('')}</${name}>`;
  }
  if (value instanceof Object) {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  // Numbers and booleans print as JSON does (50.35, true), which is what Open311 XML expects.
  return `<${name}>${escapeXml(typeof value === 'string' ? value : JSON.stringify(value))}</${name}>`;
}

/** Serialises `value` as XML after cleaning it against `schema`, so both formats share one allow-list. */
export function toXml(root: string, schema: TSchema, value: unknown): string {
  const clean = Value.Clean(schema, structuredClone(value));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, clean)}`;
}
