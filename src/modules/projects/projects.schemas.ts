/** TypeBox schemas of the projects API: request validation and the allow-list of what responses carry. */
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

export const DateString = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const NullableDate = (d: string) => Nullable(DateString(d));

// Spelled out (not mapped from projects.model.ts) so the static types stay literal unions.
export const ProjectStatusSchema = Type.Union([
  Type.Literal('idea'),
  Type.Literal('planned'),
  Type.Literal('in_development'),
  Type.Literal('live'),
  Type.Literal('paused'),
  Type.Literal('discontinued'),
]);
export const FeatureStatusSchema = Type.Union([
  Type.Literal('planned'),
  Type.Literal('in_development'),
  Type.Literal('done'),
  Type.Literal('dropped'),
]);
export const DistrictStatusSchema = Type.Union([
  Type.Literal('planned'),
  Type.Literal('under_construction'),
  Type.Literal('available'),
]);
export const LangSchema = Type.Union([Type.Literal('de'), Type.Literal('en')], { default: 'de' });

const Text = (max: number) => Type.String({ maxLength: max });
const LinkSchema = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 200 }), url: Type.String({ pattern: '^(https?://|/)[^\\s<>"]{1,2000}$' }) },
  { additionalProperties: false },
);
const Feature = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), status: FeatureStatusSchema },
  { additionalProperties: false },
);
const Milestone = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    dueDate: Type.Optional(NullableDate('planned')),
    doneDate: Type.Optional(NullableDate('reached')),
  },
  { additionalProperties: false },
);
const Kpi = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    value: Type.Optional(Nullable(Type.Number())),
    target: Type.Optional(Nullable(Type.Number())),
    unit: Type.Optional(Text(40)),
    asOf: Type.Optional(NullableDate('as of')),
  },
  { additionalProperties: false },
);
const Location = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

const editable = {
  slug: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,80}$' })),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  summary: Type.Optional(Text(1000)),
  description: Type.Optional(Type.String({ maxLength: 50_000, description: 'Markdown; rendered to safe HTML' })),
  status: ProjectStatusSchema,
  office: Type.Optional(Text(200)),
  partners: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
  startDate: Type.Optional(NullableDate('start')),
  endDate: Type.Optional(NullableDate('end')),
  budgetEur: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e12 }))),
  fundingProgramme: Type.Optional(Text(300)),
  links: Type.Optional(Type.Array(LinkSchema, { maxItems: 30 })),
  location: Type.Optional(Nullable(Location)),
  districts: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 100 })),
  fields: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 4 }),
  features: Type.Optional(Type.Array(Feature, { maxItems: 100 })),
  milestones: Type.Optional(Type.Array(Milestone, { maxItems: 100 })),
  kpis: Type.Optional(Type.Array(Kpi, { maxItems: 50 })),
  demo: Type.Optional(Type.Boolean()),
};

export const ProjectCreateBody = Type.Object(editable, { additionalProperties: false });
export const ProjectPatchBody = Type.Partial(Type.Object(editable), { additionalProperties: false });

export const ImageSchema = Type.Object({
  id: Type.Integer(),
  alt: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  url: Type.String({ description: 'same-origin path of the re-encoded image' }),
  thumbUrl: Type.String({ description: 'same-origin path of the thumbnail (JPEG, at most 320 px)' }),
});

export const ImageUploadBody = Type.Object(
  {
    alt: Type.Optional(Type.String({ maxLength: 500, description: 'required: what the image shows' })),
    file: Type.Optional(Type.Unknown({ description: 'the image file (JPEG or PNG, at most 10 MB)' })),
  },
  { description: 'multipart/form-data with the fields alt and file' },
);

export const ProjectSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  description: Type.String(),
  descriptionHtml: Type.String(),
  status: ProjectStatusSchema,
  office: Type.String(),
  partners: Type.Array(Type.String()),
  startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  budgetEur: Nullable(Type.Number()),
  fundingProgramme: Type.String(),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
  location: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
  districts: Type.Array(Type.String()),
  fields: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  features: Type.Array(Type.Object({ title: Type.String(), status: FeatureStatusSchema })),
  milestones: Type.Array(
    Type.Object({ title: Type.String(), dueDate: Nullable(Type.String()), doneDate: Nullable(Type.String()) }),
  ),
  kpis: Type.Array(
    Type.Object({
      name: Type.String(),
      value: Nullable(Type.Number()),
      target: Nullable(Type.Number()),
      unit: Type.String(),
      asOf: Nullable(Type.String()),
    }),
  ),
  districtProgress: Type.Array(
    Type.Object({
      districtId: Type.String(),
      status: DistrictStatusSchema,
      householdsPassed: Type.Integer(),
      demo: Type.Boolean(),
    }),
  ),
  images: Type.Array(ImageSchema),
  demo: Type.Boolean({ description: 'true where the record is demo data' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const FieldSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  subtitle: Type.String(),
  goal: Type.String(),
  position: Type.Integer(),
  updatedAt: Type.String(),
});

export const FieldPatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    subtitle: Type.Optional(Text(300)),
    goal: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
  },
  { additionalProperties: false },
);

const Json = Type.Unknown({ description: 'the value before/after the change' });
export const HistorySchema = Type.Object({
  at: Type.String(),
  change: Type.String(),
  field: Nullable(Type.String()),
  before: Json,
  after: Json,
});
export const ChangeSchema = Type.Object({
  at: Type.String(),
  projectId: Type.Integer(),
  projectSlug: Type.String(),
  projectTitle: Type.String(),
  change: Type.String(),
  field: Nullable(Type.String()),
  before: Json,
  after: Json,
  demo: Type.Boolean(),
});

export const DistrictBody = Type.Object(
  {
    status: DistrictStatusSchema,
    householdsPassed: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    demo: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const DistrictMapSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  project: Type.Object({ id: Type.Integer(), title: Type.String() }),
  totals: Type.Object({
    planned: Type.Integer(),
    underConstruction: Type.Integer(),
    available: Type.Integer(),
    householdsPassed: Type.Integer(),
  }),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      properties: Type.Object({
        districtId: Type.String(),
        name: Type.String(),
        status: DistrictStatusSchema,
        householdsPassed: Type.Integer(),
        demo: Type.Boolean(),
      }),
    }),
  ),
});

export const TimelineSchema = Type.Object({
  date: Type.String(),
  kind: Type.String(),
  projectId: Type.Integer(),
  title: Type.String(),
  projectTitle: Type.String(),
  done: Type.Boolean(),
  demo: Type.Boolean(),
});

export const PageSchema = Type.Object({
  slug: Type.String(),
  lang: Type.String(),
  title: Type.String(),
  markdown: Type.String(),
  html: Type.String(),
  updatedAt: Type.String(),
});

export const ReportBody = Type.Object(
  {
    committeeDate: DateString('date of the committee meeting'),
    ozgDate: Type.Optional(DateString('as-of date of the OZG table (default: committee date)')),
    lang: Type.Optional(LangSchema),
  },
  { additionalProperties: false },
);
export const ReportResultSchema = Type.Object({
  id: Type.Integer(),
  committeeDate: Type.String(),
  ozgDate: Type.String(),
  lang: Type.String(),
  previousCommitteeDate: Nullable(Type.String()),
  ozgTotal: Type.Integer(),
  projects: Type.Integer(),
  changes: Type.Array(Type.String()),
  demo: Type.Boolean(),
});
export const ReportListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      committeeDate: Type.String(),
      ozgDate: Type.String(),
      lang: Type.String(),
      previousId: Nullable(Type.Integer()),
      createdAt: Type.String(),
    }),
  ),
});
