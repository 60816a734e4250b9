/**
 * Back-office rules: inbox, status changes with public and internal notes, forwarding, merging
 * duplicates, moderation of text and photos, canned replies, and mail to the reporter.
 */
import { actorLabel, requireModuleWrite, requireStaff, type Actor } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { redactPhoto, unredactedPhoto } from './reports.photos.js';
import type { NoteRow, PhotoMeta, RequestRow, Status } from './reports.repository.js';
import type { ReportsDeps } from './reports.service.js';
import { isClosed, photoUrl, STATUS_LABELS_DE } from './reports.shared.js';

const MODULE = 'reports';

export function createReportsStaffService(deps: ReportsDeps) {
  const { db, repo, audit, clock, mailer, settings } = deps;

  function view(r: RequestRow, now: Date) {
    return {
      id: r.service_request_id,
      serviceCode: r.service_code,
      serviceName: r.service_name,
      officeId: r.office_id,
      office: r.office_name,
      district: r.district,
      status: r.status,
      description: r.description,
      descriptionPublic: r.description_public,
      published: r.published,
      address: r.address,
      lat: r.lat,
      long: r.long,
      requestedAt: r.requested_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      overdue: !isClosed(r.status) && r.due_at < now,
      closedAt: r.closed_at?.toISOString() ?? null,
      supporters: r.supporters,
      duplicateOf: r.duplicate_of === null ? null : String(r.duplicate_of),
      channel: r.channel,
      // Staff see whether the reporter can be reached, never the address itself: replies go through notes.
      hasEmail: r.email !== null,
      emailConfirmed: r.email_confirmed_at !== null,
      anonymised: r.anonymised_at !== null,
      demo: r.demo,
    };
  }

  async function load(id: string) {
    const n = /^\d{1,15}$/.test(id) ? Number(id) : 0;
    const row = n ? await repo.request(db, n) : undefined;
    if (!row) throw notFound('REPORTS_REQUEST_UNKNOWN', `There is no report "${id}".`);
    return row;
  }

  function photoView(p: PhotoMeta) {
    return {
      id: p.id,
      mime: p.mime,
      width: p.width,
      height: p.height,
      released: p.released,
      hidden: p.hidden,
      redacted: p.redacted,
      url: photoUrl(settings, p.id),
      thumbUrl: photoUrl(settings, p.id, true),
    };
  }

  const noteView = (n: NoteRow) => ({
    id: n.id,
    visibility: n.visibility,
    status: n.status,
    body: n.body,
    author: n.author,
    createdAt: n.created_at.toISOString(),
  });

  /** Mails the reporter (confirmed addresses only) after the change has committed. */
  async function notify(row: RequestRow, status: Status, note: string | null): Promise<boolean> {
    if (!row.email || !row.email_confirmed_at) return false;
    try {
      await mailer.send({
        to: row.email,
        subject: `${settings.cityName} Schadensmelder: Ihre Meldung ${row.id} ist jetzt „${STATUS_LABELS_DE[status]}“`,
        text:
          `Guten Tag,\n\nder Stand Ihrer Meldung ${row.id} (${row.service_name}) ist jetzt: ${STATUS_LABELS_DE[status]}.\n` +
          (note ? `\nNachricht der Verwaltung:\n${note}\n` : '') +
          `\nDie Meldung im Web: ${settings.publicUrl}/reports/${row.id}\n\nDiese Nachricht wurde automatisch erstellt.`,
      });
      return true;
    } catch {
      // The change is committed; a mail server outage must not undo it. The caller reports notified=false.
      return false;
    }
  }

  return {
    async inbox(actor: Actor, f: { officeId?: number | undefined; status?: Status | undefined; overdue?: boolean | undefined; limit: number; offset: number }) {
      requireStaff(actor);
      const now = clock.now();
      const rows = await repo.search({
        publicOnly: false,
        officeId: f.officeId,
        statuses: f.status ? [f.status] : undefined,
        overdueAt: f.overdue ? now : undefined,
        limit: f.limit,
        offset: f.offset,
      });
      return rows.map((r) => view(r, now));
    },

    async detail(actor: Actor, id: string) {
      requireStaff(actor);
      const row = await load(id);
      const [notes, photos] = await Promise.all([repo.notesFor([row.id], false), repo.photosFor([row.id])]);
      const suggested = row.suggested_category_id ? await repo.categoryById(row.suggested_category_id) : undefined;
      return {
        ...view(row, clock.now()),
        attributes: row.attributes,
        mediaUrl: row.media_url,
        suggestedServiceCode: suggested?.code ?? null,
        notes: notes.map(noteView),
        photos: photos.map(photoView),
      };
    },

    async changeStatus(actor: Actor, id: string, input: { status: Status; publicNote?: string | undefined; internalNote?: string | undefined }) {
      requireModuleWrite(actor, MODULE);
      if (input.status === 'duplicate') throw badRequest('REPORTS_USE_MERGE', 'Mark a duplicate with the merge action, naming the original report.', 'body.status');
      const row = await load(id);
      const now = clock.now();
      const publicNote = input.publicNote?.trim() || null;
      await withTransaction(db, async (trx) => {
        await repo.updateRequest(trx, row.id, { status: input.status, updated_at: now, closed_at: isClosed(input.status) ? now : null });
        if (publicNote) await repo.insertNote(trx, { request_id: row.id, visibility: 'public', status: input.status, body: publicNote, author: actorLabel(actor), created_at: now });
        if (input.internalNote?.trim()) {
          await repo.insertNote(trx, { request_id: row.id, visibility: 'internal', status: input.status, body: input.internalNote.trim(), author: actorLabel(actor), created_at: now });
        }
        await audit.record(trx, { actor, module: MODULE, entity: 'request', entityId: row.id, action: 'status', before: { status: row.status }, after: { status: input.status } });
      });
      const notified = row.status !== input.status || publicNote ? await notify(row, input.status, publicNote) : false;
      return { ...(await this.detail(actor, id)), notified };
    },

    async addNote(actor: Actor, id: string, input: { visibility: 'public' | 'internal'; body: string }) {
      requireModuleWrite(actor, MODULE);
      const row = await load(id);
      const now = clock.now();
      await withTransaction(db, async (trx) => {
        await repo.insertNote(trx, { request_id: row.id, visibility: input.visibility, status: null, body: input.body.trim(), author: actorLabel(actor), created_at: now });
        if (input.visibility === 'public') await repo.updateRequest(trx, row.id, { updated_at: now });
        await audit.record(trx, { actor, module: MODULE, entity: 'request', entityId: row.id, action: `note-${input.visibility}` });
      });
      const notified = input.visibility === 'public' ? await notify(row, row.status, input.body.trim()) : false;
      return { ...(await this.detail(actor, id)), notified };
    },

    async forward(actor: Actor, id: string, input: { officeId: number; note?: string | undefined }) {
      requireModuleWrite(actor, MODULE);
      const row = await load(id);
      const office = await repo.officeById(input.officeId);
      if (!office) throw badRequest('REPORTS_OFFICE_UNKNOWN', `There is no office ${input.officeId}.`, 'body.officeId');
      if (office.id === row.office_id) throw conflict('REPORTS_ALREADY_THERE', `The report is already with ${office.name}.`, 'body.officeId');
      const now = clock.now();
      await withTransaction(db, async (trx) => {
        await repo.updateRequest(trx, row.id, { office_id: office.id, updated_at: now });
        const body = `Weitergeleitet von ${row.office_name} an ${office.name}.${input.note?.trim() ? ` ${input.note.trim()}` : ''}`;
        await repo.insertNote(trx, { request_id: row.id, visibility: 'internal', status: null, body, author: actorLabel(actor), created_at: now });
        await audit.record(trx, { actor, module: MODULE, entity: 'request', entityId: row.id, action: 'forward', before: { officeId: row.office_id }, after: { officeId: office.id } });
      });
      return this.detail(actor, id);
    },

    /** Closes `id` as a duplicate of `into`; its supporters count for the original from now on. */
    async merge(actor: Actor, id: string, input: { into: string }) {
      requireModuleWrite(actor, MODULE);
      const row = await load(id);
      const target = await load(input.into);
      if (row.id === target.id) throw badRequest('REPORTS_MERGE_SELF', 'A report cannot be a duplicate of itself.', 'body.into');
      if (target.status === 'duplicate') throw badRequest('REPORTS_MERGE_TARGET_DUPLICATE', `Report ${target.id} is itself a duplicate; merge into ${target.duplicate_of} instead.`, 'body.into');
      const now = clock.now();
      const note = `Diese Meldung betrifft denselben Mangel wie Meldung ${target.id} und wird dort weiterbearbeitet.`;
      await withTransaction(db, async (trx) => {
        await repo.updateRequest(trx, row.id, { status: 'duplicate', duplicate_of: target.id, updated_at: now, closed_at: now });
        await repo.mergeSupporters(trx, row.id, target.id);
        await repo.updateRequest(trx, target.id, { updated_at: now });
        await repo.insertNote(trx, { request_id: row.id, visibility: 'public', status: 'duplicate', body: note, author: actorLabel(actor), created_at: now });
        await audit.record(trx, { actor, module: MODULE, entity: 'request', entityId: row.id, action: 'merge', before: { status: row.status }, after: { status: 'duplicate', duplicateOf: target.id } });
      });
      const notified = await notify(row, 'duplicate', note);
      return { ...(await this.detail(actor, id)), notified };
    },

    /** Moderation: publish or withhold the report, its text, and release all its non-hidden photos. */
    async moderate(actor: Actor, id: string, input: { published?: boolean | undefined; descriptionPublic?: boolean | undefined; releasePhotos?: boolean | undefined }) {
      requireModuleWrite(actor, MODULE);
      const row = await load(id);
      await withTransaction(db, async (trx) => {
        await repo.updateRequest(trx, row.id, {
          ...(input.published !== undefined ? { published: input.published } : {}),
          ...(input.descriptionPublic !== undefined ? { description_public: input.descriptionPublic } : {}),
          updated_at: clock.now(),
        });
        if (input.releasePhotos) await repo.releasePhotosOf(trx, row.id);
        await audit.record(trx, { actor, module: MODULE, entity: 'request', entityId: row.id, action: 'moderate', before: { published: row.published, descriptionPublic: row.description_public }, after: input });
      });
      return this.detail(actor, id);
    },

    async updatePhoto(actor: Actor, photoId: number, input: { hidden?: boolean | undefined; released?: boolean | undefined; redact?: { x: number; y: number; w: number; h: number }[] | undefined }) {
      requireModuleWrite(actor, MODULE);
      const photo = await repo.photo(db, photoId);
      if (!photo) throw notFound('REPORTS_PHOTO_UNKNOWN', `There is no photo ${photoId}.`);
      // Redaction always starts from the (metadata-free) upload, so rectangles replace earlier ones;
      // an empty list restores the upload and its thumbnail.
      const redacted = input.redact
        ? input.redact.length
          ? redactPhoto(photo.original, input.redact, settings.photoLimits)
          : unredactedPhoto(photo.original, settings.photoLimits)
        : null;
      await withTransaction(db, async (trx) => {
        await repo.updatePhoto(trx, photoId, {
          ...(input.hidden !== undefined ? { hidden: input.hidden } : {}),
          ...(input.released !== undefined ? { released: input.released } : {}),
          ...(redacted ? { data: redacted.data, thumb: redacted.thumb, redacted: (input.redact?.length ?? 0) > 0 } : {}),
        });
        await audit.record(trx, {
          actor,
          module: MODULE,
          entity: 'photo',
          entityId: photoId,
          action: 'moderate',
          before: { hidden: photo.hidden, released: photo.released, redacted: photo.redacted },
          after: { hidden: input.hidden, released: input.released, rectangles: input.redact?.length },
        });
      });
      return this.detail(actor, String(photo.request_id));
    },

    async cannedReplies(actor: Actor) {
      requireStaff(actor);
      return (await repo.cannedReplies()).map((c) => ({ id: c.id, title: c.title, body: c.body, status: c.status }));
    },

    async addCannedReply(actor: Actor, input: { title: string; body: string; status?: Status | undefined }) {
      requireModuleWrite(actor, MODULE);
      const row = await withTransaction(db, async (trx) => {
        const created = await repo.insertCannedReply(trx, { title: input.title.trim(), body: input.body.trim(), status: input.status ?? null, updated_at: clock.now() });
        await audit.record(trx, { actor, module: MODULE, entity: 'canned-reply', entityId: created.id, action: 'create', after: { title: created.title } });
        return created;
      });
      return { id: row.id, title: row.title, body: row.body, status: row.status };
    },

    async deleteCannedReply(actor: Actor, id: number) {
      requireModuleWrite(actor, MODULE);
      await withTransaction(db, async (trx) => {
        const gone = await repo.deleteCannedReply(trx, id);
        if (!gone) throw notFound('REPORTS_CANNED_REPLY_UNKNOWN', `There is no canned reply ${id}.`);
        await audit.record(trx, { actor, module: MODULE, entity: 'canned-reply', entityId: id, action: 'delete', before: { title: gone.title } });
      });
      return { ok: true as const };
    },
  };
}

export type ReportsStaffService = ReturnType<typeof createReportsStaffService>;
