/** Rules of the open-data catalog: provider sync, staff edits, governance, download counting. */
import { createHash } from 'node:crypto';
import { requireModuleWrite, requireStaff, systemActor, type Actor } from '../../platform/auth/actor.js';
import type {
  AuditRecorder,
  Clock,
  DatasetDescription,
  DatasetDistributionDescription,
  DatasetProvider,
  DatasetTable,
} from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { localDate } from '../../platform/time.js';
import { EXPORT_FORMATS, formatsOf, type ExportFormat } from './opendata.export.js';
import type {
  DatasetInsert,
  DatasetRow,
  DistributionInsert,
  DistributionRow,
  OpendataRepository,
} from './opendata.repository.js';
import { inspectUpload, type InspectedFile } from './opendata.upload.js';
import { presentDataset, type DatasetView } from './opendata.view.js';
import { DEFAULT_LICENCE, FILE_TYPES, FREQUENCIES, LICENCES, THEMES } from './opendata.vocab.js';

export interface OpendataSettings {
  publicUrl: string;
  publisher: { name: string; email: string | null; website: string | null; phone: string | null };
  /** Amtlicher Regionalschlüssel of the municipality (12 digits). */
  ars: string;
  /** dcatde:contributorID values; a dcat-ap.de id only when delivering directly to GovData. */
  contributorIds: string[];
  /** Default licence attribution text (dcatde:licenseAttributionByText). */
  attribution: string;
  /** The municipality's bounding box [west, south, east, north]: dct:spatial of city-wide datasets. */
  bbox: [number, number, number, number];
  catalogTitle: { de: string; en: string };
  catalogDescription: { de: string; en: string };
  /** Provider descriptions are re-read at most this often (ms). */
  syncIntervalMs: number;
}

export interface DatasetInput {
  name?: string | undefined;
  title: { de: string; en: string };
  description: { de: string; en: string };
  keywords?: string[] | undefined;
  themes?: string[] | undefined;
  accrualPeriodicity: string;
  temporal?: { start?: string | undefined; end?: string | undefined } | undefined;
  landingPage?: string | undefined;
  licence?: string | undefined;
  attributionText?: string | undefined;
  distributions: { title: { de: string; en: string }; url: string; format: string; mediaType: string }[];
}

/** A file uploaded with an external dataset; it becomes the distribution "file-1". */
export interface UploadInput {
  file: Buffer | undefined;
  title?: { de: string; en: string } | undefined;
}

const FILE_KEY = 'file-1';
const isFile = (d: DistributionRow) => d.key.startsWith('file-');
/** Uploaded files stay when staff edit the URL distributions of their dataset. */
const keptFile = (d: DistributionRow, position: number): DistributionInsert => {
  const { id: _id, dataset_id: _ds, ...rest } = d;
  return { ...rest, position };
};

export interface GovernanceInput {
  owningOffice?: string | null | undefined;
  dataSteward?: string | null | undefined;
  qualityNotes?: string | null | undefined;
  sourceSystem?: string | null | undefined;
  promisedFrequency?: string | null | undefined;
  visibility?: 'internal' | 'public' | undefined;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,99}$/;

function slugify(text: string) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90);
}

const hashOf = (d: DatasetDescription) =>
  createHash('sha256')
    .update(JSON.stringify({ ...d, modified: undefined }))
    .digest('hex');

function checkCodes(
  input: { themes?: string[] | undefined; accrualPeriodicity?: string; licence?: string | undefined },
  where: string,
) {
  for (const t of input.themes ?? []) {
    if (!THEMES[t])
      throw badRequest(
        'OPENDATA_THEME_UNKNOWN',
        `Theme "${t}" is not an EU data theme (${Object.keys(THEMES).join(', ')}).`,
        `${where}.themes`,
      );
  }
  if (input.accrualPeriodicity !== undefined && !(input.accrualPeriodicity in FREQUENCIES)) {
    throw badRequest(
      'OPENDATA_FREQUENCY_UNKNOWN',
      `Frequency must be one of ${Object.keys(FREQUENCIES).join(', ')}.`,
      `${where}.accrualPeriodicity`,
    );
  }
  if (input.licence !== undefined && !LICENCES[input.licence]) {
    throw badRequest(
      'OPENDATA_LICENCE_UNKNOWN',
      `Licence must be one of ${Object.keys(LICENCES).join(', ')}.`,
      `${where}.licence`,
    );
  }
}

export function createOpendataService(deps: {
  db: Db;
  repo: OpendataRepository;
  audit: AuditRecorder;
  clock: Clock;
  providers: DatasetProvider[];
  settings: OpendataSettings;
}) {
  const { db, repo, audit, clock, providers, settings } = deps;
  const urls = { publicUrl: settings.publicUrl };
  let lastSync = 0;
  let running: Promise<void> | undefined;
  const present = (r: Parameters<typeof presentDataset>[1]) => presentDataset(urls, r, clock.now());
  /** The row sources of managed datasets by slug, as their providers last described them. */
  const tables = new Map<string, DatasetTable>();

  /** The provider's distributions, then the catalog's own exports of its table (CSV, JSON, GeoJSON). */
  function distributionsOf(d: DatasetDescription): DistributionInsert[] {
    const exports: DatasetDistributionDescription[] = d.table
      ? formatsOf(d.table).map((f) => ({
          key: `data-${f}`,
          title: { de: `${d.title.de} (${EXPORT_FORMATS[f].title.de})`, en: `${d.title.en} (${EXPORT_FORMATS[f].title.en})` },
          url: `${settings.publicUrl}/api/opendata/datasets/${d.identifier}/data.${f}`,
          format: EXPORT_FORMATS[f].format,
          mediaType: EXPORT_FORMATS[f].mediaType,
        }))
      : [];
    return [...d.distributions, ...exports].map((x, i) => ({
      key: x.key,
      position: i,
      title_de: x.title.de,
      title_en: x.title.en,
      url: x.url,
      format: x.format,
      media_type: x.mediaType,
      is_service: Boolean(x.service),
      endpoint_description: x.service?.endpointDescription ?? null,
      conforms_to: x.service?.conformsTo ?? null,
    }));
  }

  function describedFields(d: DatasetDescription) {
    return {
      title_de: d.title.de,
      title_en: d.title.en,
      description_de: d.description.de,
      description_en: d.description.en,
      keywords: d.keywords,
      themes: d.themes,
      bbox: d.bbox ?? null,
      temporal_start: d.temporal?.start ?? null,
      temporal_end: d.temporal?.end ?? null,
      accrual_periodicity: d.accrualPeriodicity,
      landing_page: d.landingPage ?? null,
      licence: d.licence ?? DEFAULT_LICENCE,
      attribution_text: d.attributionText ?? settings.attribution,
    };
  }

  async function syncProvider(provider: DatasetProvider) {
    const described = await provider.describe();
    const actor = systemActor(`opendata-sync:${provider.id}`);
    await withTransaction(db, async (trx) => {
      const existing = new Map((await repo.managedOf(provider.id, trx)).map((r) => [r.slug, r]));
      const now = clock.now();
      for (const d of described) {
        if (!SLUG.test(d.identifier))
          throw new Error(`provider ${provider.id}: identifier "${d.identifier}" is not a valid slug`);
        if (d.table) tables.set(d.identifier, d.table);
        else tables.delete(d.identifier);
        const hash = hashOf(d);
        const row = existing.get(d.identifier);
        existing.delete(d.identifier);
        if (row && row.content_hash === hash && !row.withdrawn && (!d.modified || d.modified.getTime() <= row.modified.getTime()))
          continue;
        const fields = { ...describedFields(d), content_hash: hash, withdrawn: false, updated_at: now };
        if (row) {
          const modified = d.modified ?? (row.content_hash !== hash ? now : row.modified);
          await repo.update(trx, row.id, { ...fields, modified });
          await repo.replaceDistributions(trx, row.id, distributionsOf(d));
          await audit.record(trx, {
            actor,
            module: 'opendata',
            entity: 'dataset',
            entityId: row.slug,
            action: 'sync-update',
            after: { modified },
          });
        } else {
          const conflicting = await repo.bySlug(d.identifier, trx);
          if (conflicting)
            throw new Error(`provider ${provider.id}: identifier "${d.identifier}" is already used by another dataset`);
          const { id } = await repo.insert(trx, {
            ...fields,
            slug: d.identifier,
            source: 'managed',
            provider_id: provider.id,
            issued: now,
            modified: d.modified ?? now,
            owning_office: null,
            data_steward: null,
            quality_notes: null,
            source_system: null,
            promised_frequency: null,
            visibility: 'public',
          });
          await repo.replaceDistributions(trx, id, distributionsOf(d));
          await audit.record(trx, {
            actor,
            module: 'opendata',
            entity: 'dataset',
            entityId: d.identifier,
            action: 'sync-create',
          });
        }
      }
      // A product the module no longer offers stays in the database (governance history) but leaves the catalog.
      for (const gone of existing.values()) {
        if (gone.withdrawn) continue;
        await repo.update(trx, gone.id, { withdrawn: true, updated_at: now });
        await audit.record(trx, { actor, module: 'opendata', entity: 'dataset', entityId: gone.slug, action: 'sync-withdraw' });
      }
    });
  }

  async function syncIfStale() {
    if (clock.now().getTime() - lastSync < settings.syncIntervalMs) return;
    running ??= (async () => {
      try {
        for (const p of providers) await syncProvider(p);
        lastSync = clock.now().getTime();
      } finally {
        running = undefined;
      }
    })();
    await running;
  }

  async function datasetOrThrow(slug: string) {
    const row = await repo.bySlug(slug);
    if (!row) throw notFound('OPENDATA_DATASET_UNKNOWN', `There is no dataset "${slug}".`);
    return row;
  }

  async function downloadCounts<D extends { id: number }>(datasetId: number, distributions: D[]) {
    const counts = await repo.downloadsByDistribution(datasetId);
    return {
      downloads: [...counts.values()].reduce((a, b) => a + b, 0),
      distributions: distributions.map((d) => ({ ...d, downloads: counts.get(d.id) ?? 0 })),
    };
  }

  function externalFields(input: DatasetInput, now: Date, hasFiles = false) {
    checkCodes({ ...input }, 'body');
    if (!input.distributions.length && !hasFiles)
      throw badRequest(
        'OPENDATA_DISTRIBUTION_REQUIRED',
        'A dataset needs at least one distribution: a URL or an uploaded file.',
        'body.distributions',
      );
    input.distributions.forEach((d, i) => {
      if (!FILE_TYPES.includes(d.format)) {
        throw badRequest(
          'OPENDATA_FORMAT_UNKNOWN',
          `Format must be one of ${FILE_TYPES.join(', ')}.`,
          `body.distributions.${i}.format`,
        );
      }
    });
    const licenceId = input.licence ?? DEFAULT_LICENCE;
    return {
      dataset: {
        title_de: input.title.de.trim(),
        title_en: input.title.en.trim(),
        description_de: input.description.de.trim(),
        description_en: input.description.en.trim(),
        keywords: input.keywords ?? [],
        themes: input.themes ?? [],
        bbox: null,
        temporal_start: input.temporal?.start ?? null,
        temporal_end: input.temporal?.end ?? null,
        accrual_periodicity: input.accrualPeriodicity,
        landing_page: input.landingPage ?? null,
        licence: licenceId,
        attribution_text: input.attributionText?.trim() || settings.attribution,
        content_hash: 'external',
        updated_at: now,
      },
      distributions: input.distributions.map((d, i): DistributionInsert => ({
        key: `d${i + 1}`,
        position: i,
        title_de: d.title.de,
        title_en: d.title.en,
        url: d.url,
        format: d.format,
        media_type: d.mediaType,
        is_service: false,
        endpoint_description: null,
        conforms_to: null,
      })),
    };
  }

  function governanceFields(g: GovernanceInput): Partial<DatasetRow> {
    if (g.promisedFrequency && !(g.promisedFrequency in FREQUENCIES)) {
      throw badRequest(
        'OPENDATA_FREQUENCY_UNKNOWN',
        `Frequency must be one of ${Object.keys(FREQUENCIES).join(', ')}.`,
        'body.governance.promisedFrequency',
      );
    }
    const out: Partial<DatasetRow> = {};
    if (g.owningOffice !== undefined) out.owning_office = g.owningOffice?.trim() || null;
    if (g.dataSteward !== undefined) out.data_steward = g.dataSteward?.trim() || null;
    if (g.qualityNotes !== undefined) out.quality_notes = g.qualityNotes?.trim() || null;
    if (g.sourceSystem !== undefined) out.source_system = g.sourceSystem?.trim() || null;
    if (g.promisedFrequency !== undefined) out.promised_frequency = g.promisedFrequency || null;
    if (g.visibility !== undefined) out.visibility = g.visibility;
    return out;
  }

  return {
    urls,
    sync: syncIfStale,

    /** Public datasets of one catalog page, in id order; total for Hydra paging. */
    async catalogPage(page: number, size: number) {
      await syncIfStale();
      const [rows, total] = await Promise.all([repo.page((page - 1) * size, size), repo.countPublic()]);
      return { datasets: rows.map(present), total };
    },

    /** Every public dataset (CKAN search works on this list; the catalog is small enough). */
    async allPublic(): Promise<DatasetView[]> {
      await syncIfStale();
      return (await repo.list({ publicOnly: true })).map(present);
    },

    version: () => repo.version(),

    /** Public datasets by anyone; internal ones by staff only (404 for others: no existence leak). */
    async show(actor: Actor, slug: string): Promise<DatasetView> {
      await syncIfStale();
      const row = await datasetOrThrow(slug);
      if (row.visibility !== 'public' || row.withdrawn) {
        if (actor.kind === 'anonymous') throw notFound('OPENDATA_DATASET_UNKNOWN', `There is no dataset "${slug}".`);
        requireStaff(actor);
      }
      return present(row);
    },

    /** The rows behind a dataset's CSV/JSON/GeoJSON distributions; visibility as for the dataset itself. */
    async table(actor: Actor, slug: string, format: ExportFormat): Promise<DatasetTable> {
      await this.show(actor, slug);
      const table = tables.get(slug);
      if (!table || !formatsOf(table).includes(format))
        throw notFound('OPENDATA_EXPORT_UNKNOWN', `Dataset "${slug}" has no ${format.toUpperCase()} export.`);
      return table;
    },

    /** An uploaded file; visibility as for its dataset. */
    async file(actor: Actor, slug: string, key: string) {
      await this.show(actor, slug);
      const f = await repo.file(slug, key);
      if (!f) throw notFound('OPENDATA_FILE_UNKNOWN', `Dataset "${slug}" has no file "${key}".`);
      return f;
    },

    async listAll(actor: Actor): Promise<(DatasetView & { downloads: number })[]> {
      requireStaff(actor);
      await syncIfStale();
      const [rows, downloads] = await Promise.all([repo.list({ publicOnly: false }), repo.downloadsByDataset()]);
      return rows.map((r) => ({ ...present(r), downloads: downloads.get(r.id) ?? 0 }));
    },

    async staffShow(actor: Actor, slug: string) {
      requireStaff(actor);
      const row = await datasetOrThrow(slug);
      const view = present(row);
      return { ...view, ...(await downloadCounts(row.id, view.distributions)) };
    },

    /** A dataset with its download count in total and per distribution (counted per file and day). */
    async withDownloads<T extends DatasetView>(dataset: T) {
      const row = await datasetOrThrow(dataset.slug);
      return { ...dataset, ...(await downloadCounts(row.id, dataset.distributions)) };
    },

    /** An external dataset with URL distributions and, optionally, an uploaded file (checked before anything is stored). */
    async createExternal(actor: Actor, input: DatasetInput, governance: GovernanceInput = {}, upload?: UploadInput) {
      requireModuleWrite(actor, 'opendata');
      const slug = input.name ?? slugify(input.title.de);
      if (!SLUG.test(slug))
        throw badRequest('OPENDATA_NAME_INVALID', 'The name must be 2–100 characters a-z, 0-9 and "-".', 'body.name');
      const now = clock.now();
      const inspected: InspectedFile | undefined = upload ? inspectUpload(upload.file) : undefined;
      const { dataset, distributions } = externalFields(input, now, Boolean(inspected));
      if (inspected) {
        const title = upload?.title ?? {
          de: `${input.title.de} (${inspected.format})`,
          en: `${input.title.en} (${inspected.format})`,
        };
        distributions.push({
          key: FILE_KEY,
          position: distributions.length,
          title_de: title.de,
          title_en: title.en,
          url: `${settings.publicUrl}/api/opendata/datasets/${slug}/files/${FILE_KEY}.${inspected.extension}`,
          format: inspected.format,
          media_type: inspected.mediaType,
          is_service: false,
          endpoint_description: null,
          conforms_to: null,
        });
      }
      const gov = governanceFields(governance);
      return withTransaction(db, async (trx) => {
        if (await repo.bySlug(slug, trx))
          throw conflict('OPENDATA_NAME_TAKEN', `The name "${slug}" is already used.`, 'body.name');
        const insert: DatasetInsert = {
          ...dataset,
          slug,
          source: 'external',
          provider_id: null,
          issued: now,
          modified: now,
          owning_office: gov.owning_office ?? null,
          data_steward: gov.data_steward ?? null,
          quality_notes: gov.quality_notes ?? null,
          source_system: gov.source_system ?? null,
          promised_frequency: gov.promised_frequency ?? null,
          visibility: gov.visibility ?? 'public',
        };
        const { id } = await repo.insert(trx, insert);
        await repo.replaceDistributions(trx, id, distributions);
        if (inspected && upload?.file) {
          await repo.insertFile(trx, {
            dataset_id: id,
            key: FILE_KEY,
            content: upload.file,
            media_type: inspected.mediaType,
            bytes: upload.file.length,
            sha256: createHash('sha256').update(upload.file).digest('base64url'),
            records: inspected.records,
          });
        }
        await audit.record(trx, {
          actor,
          module: 'opendata',
          entity: 'dataset',
          entityId: slug,
          action: 'create',
          after: { ...input, governance, ...(inspected ? { file: { ...inspected, bytes: upload?.file?.length } } : {}) },
        });
        return present((await repo.bySlug(slug, trx))!);
      });
    },

    /** Metadata of external datasets; governance of any. A metadata change is a real change: modified moves. */
    async update(
      actor: Actor,
      slug: string,
      input: { dataset?: DatasetInput | undefined; governance?: GovernanceInput | undefined },
    ) {
      requireModuleWrite(actor, 'opendata');
      const before = await datasetOrThrow(slug);
      if (input.dataset && before.source === 'managed') {
        throw badRequest(
          'OPENDATA_DATASET_MANAGED',
          'This dataset is described by its module; only its governance fields can be edited.',
          'body.dataset',
        );
      }
      const now = clock.now();
      const files = before.distributions.filter(isFile);
      const ext = input.dataset ? externalFields(input.dataset, now, files.length > 0) : undefined;
      const gov = governanceFields(input.governance ?? {});
      return withTransaction(db, async (trx) => {
        await repo.update(trx, before.id, { ...(ext ? { ...ext.dataset, modified: now } : {}), ...gov, updated_at: now });
        if (ext)
          await repo.replaceDistributions(trx, before.id, [
            ...ext.distributions,
            ...files.map((f, i) => keptFile(f, ext.distributions.length + i)),
          ]);
        await audit.record(trx, {
          actor,
          module: 'opendata',
          entity: 'dataset',
          entityId: slug,
          action: 'update',
          before: present(before),
          after: input,
        });
        return present((await repo.bySlug(slug, trx))!);
      });
    },

    async remove(actor: Actor, slug: string) {
      requireModuleWrite(actor, 'opendata');
      const before = await datasetOrThrow(slug);
      if (before.source === 'managed')
        throw badRequest(
          'OPENDATA_DATASET_MANAGED',
          'Datasets of the platform are withdrawn by their module, not deleted.',
          'params.slug',
        );
      await withTransaction(db, async (trx) => {
        await repo.remove(trx, before.id);
        await audit.record(trx, {
          actor,
          module: 'opendata',
          entity: 'dataset',
          entityId: slug,
          action: 'delete',
          before: present(before),
        });
      });
    },

    /** The governance page: overdue datasets and missing metadata, for staff. */
    async governance(actor: Actor) {
      requireStaff(actor);
      await syncIfStale();
      const all = (await repo.list({ publicOnly: false })).filter((r) => !r.withdrawn).map(present);
      const missing = all
        .map((d) => ({ dataset: d, missing: missingMetadata(d) }))
        .filter((m) => m.missing.length > 0)
        .map((m) => ({ slug: m.dataset.slug, title: m.dataset.title.de, missing: m.missing }));
      return {
        total: all.length,
        overdue: all
          .filter((d) => d.governance.overdue)
          .map((d) => ({
            slug: d.slug,
            title: d.title.de,
            owningOffice: d.governance.owningOffice,
            dataSteward: d.governance.dataSteward,
            frequency: d.governance.promisedFrequency ?? d.accrualPeriodicity,
            modified: d.modified,
          })),
        missing,
      };
    },

    /** Counts a download (per distribution and day, nothing about the requester) and returns where to go. */
    async download(distributionId: number): Promise<string> {
      const d = await repo.distribution(distributionId);
      if (!d || d.visibility !== 'public' || d.withdrawn)
        throw notFound('OPENDATA_DISTRIBUTION_UNKNOWN', `There is no distribution ${distributionId}.`);
      const day = localDate(clock.now());
      await withTransaction(db, (trx) => repo.countDownload(trx, d.id, day));
      return d.url;
    },

    /** Bulk load (tests, imports): many external datasets in one transaction, audited as one entry. */
    async importExternal(actor: Actor, inputs: (DatasetInput & { name: string })[]) {
      requireModuleWrite(actor, 'opendata');
      const now = clock.now();
      const rows = inputs.map((input) => {
        const { dataset, distributions } = externalFields(input, now);
        const full: DatasetInsert = {
          ...dataset,
          slug: input.name,
          source: 'external',
          provider_id: null,
          issued: now,
          modified: now,
          owning_office: null,
          data_steward: null,
          quality_notes: null,
          source_system: null,
          promised_frequency: null,
          visibility: 'public',
        };
        return { dataset: full, distributions };
      });
      await withTransaction(db, async (trx) => {
        await repo.insertMany(trx, rows);
        await audit.record(trx, {
          actor,
          module: 'opendata',
          entity: 'dataset',
          entityId: null,
          action: 'import',
          after: { count: rows.length },
        });
      });
      return rows.length;
    },
  };
}

/** Metadata a harvester or user would miss (governance and DCAT-AP.de recommendations). */
export function missingMetadata(d: DatasetView): string[] {
  const m: string[] = [];
  if (!d.governance.owningOffice) m.push('owningOffice');
  if (!d.governance.dataSteward) m.push('dataSteward');
  if (!d.governance.promisedFrequency) m.push('promisedFrequency');
  if (!d.governance.sourceSystem) m.push('sourceSystem');
  if (!d.themes.length) m.push('themes');
  if (!d.keywords.length) m.push('keywords');
  if (!d.description.en || d.description.en === d.description.de) m.push('description.en');
  if (!d.distributions.length) m.push('distributions');
  if (!d.temporal.start && !d.temporal.end) m.push('temporal');
  return m;
}

export type OpendataService = ReturnType<typeof createOpendataService>;
