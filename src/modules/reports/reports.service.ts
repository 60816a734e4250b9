/**
 * Citizen-facing rules: categories, submitting (web and Open311), public reads, support, e-mail
 * confirmation, category suggestion and statistics. Staff rules live in reports.staff.ts.
 */
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock, Mailer } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { checkSubmissionAllowed, checkTextForPersonalData, type SubmissionContext } from './reports.abuse.js';
import { classify, trainNaiveBayes, type NaiveBayesModel } from './reports.classifier.js';
import { processPhoto, type ProcessedPhoto } from './reports.photos.js';
import type { AttributeDef, CategoryRow, ReportsRepository, RequestFilter, RequestRow, Status } from './reports.repository.js';
import { addWorkingDays, newSecret, photoIsPublic, publicView, sha256, type PublicReport, type ReportsSettings } from './reports.shared.js';

export interface SubmitInput {
  serviceCode: string | undefined;
  lat?: number | undefined;
  long?: number | undefined;
  addressString?: string | undefined;
  description?: string | undefined;
  email?: string | undefined;
  attributes: Record<string, string | string[]>;
  mediaUrl?: string | undefined;
  photos: Buffer[];
}

export interface ReportsDeps {
  db: Db;
  repo: ReportsRepository;
  audit: AuditRecorder;
  clock: Clock;
  mailer: Mailer;
  settings: ReportsSettings;
}

export const MAX_DESCRIPTION = 4000;

export function createReportsService(deps: ReportsDeps) {
  const { db, repo, audit, clock, mailer, settings } = deps;
  let model: { at: number; model: NaiveBayesModel } | undefined;

  async function category(code: string | undefined, field: string): Promise<CategoryRow> {
    if (!code) throw badRequest('REPORTS_SERVICE_CODE_MISSING', 'service_code is required: choose a category.', field);
    const c = await repo.categoryByCode(code);
    if (!c || !c.active) throw notFound('REPORTS_SERVICE_CODE_UNKNOWN', `There is no category with service_code "${code}".`);
    return c;
  }

  function checkLocation(input: SubmitInput) {
    const hasLat = input.lat !== undefined;
    const hasLong = input.long !== undefined;
    if (hasLat !== hasLong) throw badRequest('REPORTS_LOCATION_INCOMPLETE', 'lat and long must be sent together.', hasLat ? 'body.long' : 'body.lat');
    if (!hasLat && !input.addressString?.trim()) {
      throw badRequest('REPORTS_LOCATION_MISSING', 'A location is required: send lat and long, or address_string.', 'body.lat');
    }
    if (hasLat) {
      const [w, s, e, n] = settings.bbox;
      const lat = input.lat!;
      const long = input.long!;
      if (!Number.isFinite(lat) || !Number.isFinite(long) || lat < s || lat > n || long < w || long > e) {
        throw badRequest(
          'REPORTS_LOCATION_OUTSIDE_CITY',
          `The location ${lat}, ${long} is outside ${settings.cityName} (latitude ${s}–${n}, longitude ${w}–${e}). ` +
            `Reports can only be made for places in ${settings.cityName}.`,
          'body.lat',
        );
      }
    }
  }

  function checkAttributes(defs: AttributeDef[], given: Record<string, string | string[]>) {
    const known = new Map(defs.filter((d) => d.variable).map((d) => [d.code, d]));
    for (const code of Object.keys(given)) {
      if (!known.has(code)) throw badRequest('REPORTS_ATTRIBUTE_UNKNOWN', `This category has no attribute "${code}".`, `body.attribute[${code}]`);
    }
    for (const def of known.values()) {
      const field = `body.attribute[${def.code}]`;
      const raw = given[def.code];
      const values = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
      if (values.length === 0) {
        if (def.required) throw badRequest('REPORTS_ATTRIBUTE_REQUIRED', `"${def.description}" (attribute[${def.code}]) is required.`, field);
        continue;
      }
      if (def.datatype !== 'multivaluelist' && values.length > 1) throw badRequest('REPORTS_ATTRIBUTE_INVALID', `attribute[${def.code}] takes one value.`, field);
      const keys = def.values?.map((v) => v.key) ?? [];
      for (const v of values) {
        const ok =
          def.datatype === 'singlevaluelist' || def.datatype === 'multivaluelist'
            ? keys.includes(v)
            : def.datatype === 'number'
              ? /^-?\d+(\.\d+)?$/.test(v)
              : def.datatype === 'datetime'
                ? !Number.isNaN(Date.parse(v))
                : v.length <= 1000;
        if (!ok) {
          const hint = keys.length ? ` Allowed: ${keys.join(', ')}.` : ` Expected ${def.datatype}.`;
          throw badRequest('REPORTS_ATTRIBUTE_INVALID', `"${v}" is not a valid value for attribute[${def.code}].${hint}`, field);
        }
      }
    }
  }

  async function suggestionModel(): Promise<NaiveBayesModel> {
    if (model && clock.now().getTime() - model.at < 3_600_000) return model.model;
    const cats = await repo.categories(true);
    const docs = cats.map((c) => ({ label: c.code, text: `${c.name} ${c.description} ${c.keywords.replace(/,/g, ' ')}`, weight: 3 }));
    // Reports staff have looked at (status beyond "new") carry a category a person confirmed.
    const past = await repo.search({ publicOnly: false, statuses: ['accepted', 'in_progress', 'waiting_third_party', 'resolved'], limit: 5000, offset: 0 });
    for (const r of past) docs.push({ label: r.service_code, text: r.description, weight: 1 });
    model = { at: clock.now().getTime(), model: trainNaiveBayes(docs) };
    return model.model;
  }

  async function viewsOf(rows: RequestRow[]): Promise<PublicReport[]> {
    const ids = rows.map((r) => r.id);
    const [notes, photos] = await Promise.all([repo.notesFor(ids, true), repo.photosFor(ids)]);
    return rows.map((r) => publicView(settings, r, notes, photos));
  }

  async function sendConfirmation(to: string, id: number, token: string) {
    await mailer.send({
      to,
      subject: `${settings.cityName} Schadensmelder: Bitte bestätigen Sie Ihre E-Mail-Adresse (Meldung ${id})`,
      text:
        `Vielen Dank für Ihre Meldung ${id}.\n\nWenn Sie über den Fortgang informiert werden möchten, bestätigen Sie bitte Ihre Adresse:\n` +
        `${settings.publicUrl}/schadensmelder/bestaetigen?token=${token}\n\n` +
        `Ohne Bestätigung schicken wir Ihnen keine weiteren Nachrichten und löschen die Adresse nach 7 Tagen.\n` +
        `Ihre E-Mail-Adresse wird nie veröffentlicht.`,
    });
  }

  return {
    settings,
    now: () => clock.now(),

    categories: () => repo.categories(true),
    category: (code: string) => category(code, 'path.service_code'),
    lastChange: () => repo.lastCategoryChange(),

    /** Validates and stores a report with its photos; e-mail confirmation goes out after commit. */
    async submit(input: SubmitInput, ctx: SubmissionContext) {
      const apiKey = ctx.channel === 'open311' ? await this.apiKey(ctx.apiKey) : null;
      const cat = await category(input.serviceCode, 'body.service_code');
      checkLocation(input);
      const description = (input.description ?? '').trim();
      if (description.length > MAX_DESCRIPTION) {
        throw badRequest('REPORTS_DESCRIPTION_TOO_LONG', `The description may have at most ${MAX_DESCRIPTION} characters.`, 'body.description');
      }
      if (ctx.channel === 'web' && description.length < 3) {
        throw badRequest('REPORTS_DESCRIPTION_MISSING', 'Please describe the problem in a few words.', 'body.description');
      }
      const email = input.email?.trim().toLowerCase() || null;
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest('REPORTS_EMAIL_INVALID', 'The e-mail address is not valid.', 'body.email');
      checkAttributes(cat.attributes, input.attributes);
      if (input.photos.length > settings.maxPhotos) {
        throw badRequest('REPORTS_PHOTO_COUNT', `At most ${settings.maxPhotos} photos per report.`, 'body.media');
      }
      if (input.mediaUrl && !/^https?:\/\/\S+$/.test(input.mediaUrl)) throw badRequest('REPORTS_MEDIA_URL_INVALID', 'media_url must be an http(s) URL.', 'body.media_url');
      const photos: ProcessedPhoto[] = input.photos.map((p, i) => processPhoto(p, `body.media[${i}]`, settings.photoLimits));
      const blocklist = await repo.blocklist();
      const now = clock.now();
      const textHeld = settings.moderation === 'all' || checkTextForPersonalData(description, blocklist);
      const suggestion = description ? classify(await suggestionModel(), description)[0] : undefined;
      const suggested = suggestion ? (await repo.categoryByCode(suggestion.label))?.id ?? null : null;
      const confirmToken = email ? newSecret() : null;
      const token = newSecret(16);

      const id = await withTransaction(db, async (trx) => {
        await checkSubmissionAllowed(trx, repo, settings, { ...ctx, email, blocklist, apiKey, now });
        const district = input.lat !== undefined ? await repo.nearestDistrict(trx, settings.districts, input.lat, input.long!) : null;
        const override = district ? await repo.districtOffice(trx, cat.id, district) : undefined;
        const newId = await repo.insertRequest(trx, {
          token,
          category_id: cat.id,
          office_id: override?.office_id ?? cat.office_id,
          district,
          lat: input.lat ?? null,
          long: input.long ?? null,
          address: input.addressString?.trim() || null,
          description,
          description_public: !textHeld,
          published: settings.moderation !== 'all',
          attributes: input.attributes,
          media_url: input.mediaUrl ?? null,
          channel: ctx.channel,
          api_key_id: apiKey?.id ?? null,
          email,
          confirm_token_hash: confirmToken ? sha256(confirmToken) : null,
          ip: ctx.ip,
          ip_hash: sha256(`ip:${ctx.ip}`),
          suggested_category_id: suggested,
          due_at: addWorkingDays(now, cat.target_days),
          requested_at: now,
          updated_at: now,
        });
        for (const p of photos) {
          await repo.insertPhoto(trx, {
            request_id: newId,
            mime: p.mime,
            width: p.width,
            height: p.height,
            data: p.data,
            original: p.data,
            thumb: p.thumb,
            thumb_mime: p.thumbMime,
            released: settings.moderation === 'none',
            created_at: now,
          });
        }
        const actor: Actor = apiKey ? systemActor(`open311-client:${apiKey.name}`) : { kind: 'anonymous' };
        await audit.record(trx, {
          actor,
          module: 'reports',
          entity: 'request',
          entityId: newId,
          action: 'create',
          after: { serviceCode: cat.code, channel: ctx.channel, photos: photos.length, descriptionPublic: !textHeld },
        });
        return newId;
      });
      if (email && confirmToken) await sendConfirmation(email, id, confirmToken);
      return { id: String(id), token, serviceNotice: `Ihre Meldung wird an ${cat.name} weitergeleitet und geprüft.` };
    },

    /** The API client for an Open311 POST: missing or unknown keys are a 403, as the spec asks. */
    async apiKey(key: string | undefined) {
      if (!key) throw forbidden('REPORTS_API_KEY_MISSING', 'api_key is required to submit a service request.');
      const row = await repo.apiKeyByHash(sha256(key));
      if (!row) throw forbidden('REPORTS_API_KEY_INVALID', 'The api_key is unknown or revoked.');
      return row;
    },

    /** Whether `key` is an active API key (no error): decides which rate limit a request falls under. */
    async isApiKey(key: string) {
      return (await repo.apiKeyByHash(sha256(key))) !== undefined;
    },

    async search(filter: Omit<RequestFilter, 'publicOnly'>): Promise<PublicReport[]> {
      return viewsOf(await repo.search({ ...filter, publicOnly: true }));
    },

    async get(id: string): Promise<PublicReport> {
      const n = /^\d{1,15}$/.test(id) ? Number(id) : 0;
      const row = n ? await repo.request(db, n) : undefined;
      if (!row || !row.published) throw notFound('REPORTS_REQUEST_UNKNOWN', `There is no service request "${id}".`);
      return (await viewsOf([row]))[0]!;
    },

    async byToken(token: string) {
      const row = await repo.requestByToken(token);
      if (!row) throw notFound('REPORTS_TOKEN_UNKNOWN', `There is no service request for token "${token}".`);
      return { id: row.service_request_id, token };
    },

    async nearby(input: { serviceCode: string; lat: number; long: number; radius: number }) {
      const cat = await category(input.serviceCode, 'query.service_code');
      checkLocation({ ...input, attributes: {}, photos: [] });
      return viewsOf(await repo.nearbyOpen(cat.id, input.lat, input.long, input.radius, 10));
    },

    /** "Me too": one support per e-mail (or, without one, per IP address) and report. */
    async support(id: string, ctx: { ip: string; email?: string | undefined }) {
      const report = await this.get(id);
      if (report.status === 'closed') throw badRequest('REPORTS_REQUEST_CLOSED', 'This report is already closed.', 'path.id');
      const who = ctx.email?.trim().toLowerCase() ? `mail:${ctx.email.trim().toLowerCase()}` : `ip:${ctx.ip}`;
      const added = await withTransaction(db, async (trx) => {
        const ok = await repo.addSupporter(trx, Number(report.id), sha256(who), clock.now());
        if (ok) await audit.record(trx, { actor: { kind: 'anonymous' }, module: 'reports', entity: 'request', entityId: report.id, action: 'support' });
        return ok;
      });
      return { supporters: report.supporters + (added ? 1 : 0), added };
    },

    async confirmEmail(token: string) {
      const done = await withTransaction(db, async (trx) => {
        const row = await repo.requestByConfirmHash(trx, sha256(token));
        if (!row) return null;
        if (!row.email_confirmed_at) {
          await repo.updateRequest(trx, row.id, { email_confirmed_at: clock.now() });
          await audit.record(trx, { actor: { kind: 'anonymous' }, module: 'reports', entity: 'request', entityId: row.id, action: 'confirm-email' });
        }
        return row.id;
      });
      if (done === null) throw notFound('REPORTS_CONFIRMATION_UNKNOWN', 'This confirmation link is unknown or has expired.');
      return { id: String(done), confirmed: true as const };
    },

    async suggest(description: string) {
      const ranked = classify(await suggestionModel(), description).slice(0, 3);
      const cats = new Map((await repo.categories(true)).map((c) => [c.code, c]));
      const offices = new Map((await repo.offices()).map((o) => [o.id, o.name]));
      return ranked.map((r) => {
        const c = cats.get(r.label)!;
        return { serviceCode: c.code, serviceName: c.name, office: offices.get(c.office_id) ?? '', probability: Math.round(r.probability * 1000) / 1000 };
      });
    },

    /** Public photo bytes; staff may also see photos not (yet) released. */
    async photo(id: number, variant: 'full' | 'thumb' | 'original', staff: boolean) {
      const p = await repo.photo(db, id);
      const request = p ? await repo.request(db, p.request_id) : undefined;
      const visible = p && request && (staff || (photoIsPublic(p) && request.published));
      if (!p || !visible) throw notFound('REPORTS_PHOTO_UNKNOWN', `There is no public photo ${id}.`);
      if (variant === 'original' && !staff) throw notFound('REPORTS_PHOTO_UNKNOWN', `There is no public photo ${id}.`);
      if (variant === 'thumb') return { mime: p.thumb_mime, data: p.thumb };
      return { mime: p.mime, data: variant === 'original' ? p.original : p.data };
    },

    /** For the dashboard: reports opened and resolved in [from, to) and the median hours to resolution. */
    async stats(from: Date, to: Date) {
      if (!(from < to)) throw badRequest('REPORTS_STATS_RANGE', '"from" must be before "to".', 'query.from');
      const s = await repo.stats(from, to);
      return { from, to, opened: s.opened, resolved: s.resolved, medianHoursToResolution: s.median_hours === null ? null : Math.round(s.median_hours * 10) / 10 };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
export type { Status };
