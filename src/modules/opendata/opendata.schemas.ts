/** TypeBox schemas of the module's JSON API: the allow-list of what leaves the server. */
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

const Text2 = Type.Object({ de: Type.String(), en: Type.String() });
const Text2In = Type.Object(
  { de: Type.String({ minLength: 1, maxLength: 5000 }), en: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

export const Distribution = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  uri: Type.String(),
  title: Text2,
  url: Type.String(),
  downloadUrl: Type.String(),
  format: Type.String(),
  mediaType: Type.String(),
  isService: Type.Boolean(),
  endpointDescription: Nullable(Type.String()),
  conformsTo: Nullable(Type.String()),
  /** Only on the single-dataset answers: downloads of this file, summed over the days. */
  downloads: Type.Optional(Type.Integer()),
});

const GovernancePublic = Type.Object({ overdue: Type.Boolean() });
const GovernanceFull = Type.Object({
  owningOffice: Nullable(Type.String()),
  dataSteward: Nullable(Type.String()),
  qualityNotes: Nullable(Type.String()),
  sourceSystem: Nullable(Type.String()),
  promisedFrequency: Nullable(Type.String()),
  visibility: Type.String(),
  overdue: Type.Boolean(),
  withdrawn: Type.Boolean(),
});

const datasetFields = {
  slug: Type.String(),
  uri: Type.String(),
  source: Type.String(),
  title: Text2,
  description: Text2,
  keywords: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  bbox: Nullable(Type.Array(Type.Number())),
  temporal: Type.Object({ start: Nullable(Type.String()), end: Nullable(Type.String()) }),
  accrualPeriodicity: Type.String(),
  landingPage: Nullable(Type.String()),
  licence: Type.String(),
  licenceUri: Type.String(),
  attributionText: Type.String(),
  issued: Type.String(),
  modified: Type.String(),
  distributions: Type.Array(Distribution),
};

/** What the public sees: the data steward's name and internal notes stay inside. */
export const PublicDataset = Type.Object({
  ...datasetFields,
  governance: GovernancePublic,
  downloads: Type.Optional(Type.Integer()),
});
/** What staff see. */
export const StaffDataset = Type.Object({
  ...datasetFields,
  governance: GovernanceFull,
  downloads: Type.Optional(Type.Integer()),
});

const Code = Type.String({ pattern: '^[A-Z_]{2,20}$' });
const Frequency = Type.String({ pattern: '^[A-Z_]{2,20}$' });
const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 });
const OptText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

export const GovernanceIn = Type.Object(
  {
    owningOffice: OptText(200),
    dataSteward: OptText(200),
    qualityNotes: OptText(5000),
    sourceSystem: OptText(200),
    promisedFrequency: Type.Optional(Nullable(Frequency)),
    visibility: Type.Optional(Type.Union([Type.Literal('internal'), Type.Literal('public')])),
  },
  { additionalProperties: false },
);

export const DatasetIn = Type.Object(
  {
    name: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,99}$' })),
    title: Text2In,
    description: Text2In,
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
    themes: Type.Optional(Type.Array(Code, { maxItems: 13 })),
    accrualPeriodicity: Frequency,
    temporal: Type.Optional(
      Type.Object(
        { start: Type.Optional(Type.String({ format: 'date' })), end: Type.Optional(Type.String({ format: 'date' })) },
        { additionalProperties: false },
      ),
    ),
    landingPage: Type.Optional(Url),
    licence: Type.Optional(Type.String({ maxLength: 40 })),
    attributionText: Type.Optional(Type.String({ maxLength: 500 })),
    distributions: Type.Array(
      Type.Object(
        { title: Text2In, url: Url, format: Code, mediaType: Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$', maxLength: 100 }) },
        { additionalProperties: false },
      ),
      // At least one distribution or an uploaded file: checked by the service (400 body.distributions).
      { minItems: 0, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

export const GovernanceReport = Type.Object({
  total: Type.Integer(),
  overdue: Type.Array(
    Type.Object({
      slug: Type.String(),
      title: Type.String(),
      owningOffice: Nullable(Type.String()),
      dataSteward: Nullable(Type.String()),
      frequency: Type.String(),
      modified: Type.String(),
    }),
  ),
  missing: Type.Array(Type.Object({ slug: Type.String(), title: Type.String(), missing: Type.Array(Type.String()) })),
});
