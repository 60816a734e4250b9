/**
 * The notice board between organisations (looking for volunteers, sharing rooms or equipment): read
 * and written only by members of verified organisations (and the city). A notice is closed, not
 * deleted, so the audit trail stays readable.
 */
import { requireAccount, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { localDate } from '../../platform/time.js';
import { isStaff, MODULE, type CommunityAccess } from './community.access.js';
import type { NoticeKind } from './community.model.js';
import { presentNotice } from './community.present.js';
import type { CommunityRepository } from './community.repository.js';
import { plainLine, plainText } from './community.text.js';

export interface NoticeInput {
  organisationId: number;
  kind: NoticeKind;
  title: string;
  body?: string;
  contact?: string;
  expiresOn?: string | null;
}

const notVerified = () =>
  forbidden('COMMUNITY_VERIFIED_ORGANISATION_REQUIRED', 'The notice board is open to members of organisations the city has verified.');

export function createCommunityNotices(deps: { db: Db; repo: CommunityRepository; access: CommunityAccess; audit: AuditRecorder; clock: Clock }) {
  const { db, repo, access, audit, clock } = deps;

  function checkExpiry(expiresOn: string | null | undefined) {
    if (expiresOn && expiresOn < localDate(clock.now())) throw badRequest('COMMUNITY_NOTICE_EXPIRED', 'expiresOn lies in the past.', 'body.expiresOn');
  }
  async function requireVerifiedEditor(actor: Actor, organisationId: number) {
    await access.requireEditor(actor, organisationId);
    const organisation = await repo.organisation(organisationId);
    if (!organisation) throw badRequest('COMMUNITY_ORGANISATION_NOT_FOUND', `There is no organisation ${organisationId}.`, 'body.organisationId');
    if (!organisation.verified) throw notVerified();
  }
  async function existing(id: number) {
    const notice = await repo.notice(id);
    if (!notice || notice.closed_at) throw notFound('COMMUNITY_NOTICE_NOT_FOUND', `There is no open notice ${id}.`);
    return notice;
  }

  return {
    async list(actor: Actor, kind?: NoticeKind) {
      requireAccount(actor);
      if (!isStaff(actor)) {
        const memberships = await repo.membershipsOfUser(actor.id);
        if (!memberships.some((m) => m.verified)) throw notVerified();
      }
      return (await repo.notices({ ...(kind ? { kind } : {}), today: localDate(clock.now()) })).map(presentNotice);
    },

    async create(actor: Actor, input: NoticeInput) {
      await requireVerifiedEditor(actor, input.organisationId);
      checkExpiry(input.expiresOn);
      const title = plainLine(input.title);
      if (!title) throw badRequest('COMMUNITY_TITLE_REQUIRED', 'The title must not be empty.', 'body.title');
      const id = await withTransaction(db, async (trx) => {
        const values = {
          organisation_id: input.organisationId,
          kind: input.kind,
          title,
          body: plainText(input.body ?? ''),
          contact: plainLine(input.contact ?? ''),
          expires_on: input.expiresOn ?? null,
          created_by: actor.kind === 'user' || actor.kind === 'member' ? actor.id : null,
        };
        const id = await repo.insertNotice(trx, values);
        await audit.record(trx, { actor, module: MODULE, entity: 'notice', entityId: id, action: 'create', after: values });
        return id;
      });
      return presentNotice((await repo.notice(id))!);
    },

    async update(actor: Actor, id: number, patch: Partial<Omit<NoticeInput, 'organisationId'>>) {
      const before = await existing(id);
      await requireVerifiedEditor(actor, before.organisation_id);
      checkExpiry(patch.expiresOn);
      const values = {
        ...(patch.kind ? { kind: patch.kind } : {}),
        ...(patch.title !== undefined ? { title: plainLine(patch.title) } : {}),
        ...(patch.body !== undefined ? { body: plainText(patch.body) } : {}),
        ...(patch.contact !== undefined ? { contact: plainLine(patch.contact) } : {}),
        ...(patch.expiresOn !== undefined ? { expires_on: patch.expiresOn } : {}),
      };
      if (values.title === '') throw badRequest('COMMUNITY_TITLE_REQUIRED', 'The title must not be empty.', 'body.title');
      await withTransaction(db, async (trx) => {
        await repo.updateNotice(trx, id, { ...values, updated_at: clock.now() });
        await audit.record(trx, { actor, module: MODULE, entity: 'notice', entityId: id, action: 'update', before: presentNotice(before), after: values });
      });
      return presentNotice((await repo.notice(id))!);
    },

    async close(actor: Actor, id: number) {
      const before = await existing(id);
      await access.requireEditor(actor, before.organisation_id);
      await withTransaction(db, async (trx) => {
        await repo.updateNotice(trx, id, { closed_at: clock.now(), updated_at: clock.now() });
        await audit.record(trx, { actor, module: MODULE, entity: 'notice', entityId: id, action: 'close' });
      });
    },
  };
}

export type CommunityNotices = ReturnType<typeof createCommunityNotices>;
