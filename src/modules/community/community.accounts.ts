/**
 * Self-service accounts of organisations: registration with e-mail confirmation, memberships and
 * invitations of co-editors. The accounts themselves live in identity (RepresentativeAccounts):
 * the confirmation link is identity's one-time enrolment link, so a representative confirms the
 * address, sets a password and the mandatory authenticator in one go, exactly like staff.
 */
import { createHash, randomBytes } from 'node:crypto';
import { requireAccount, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock, Mailer, RepresentativeAccounts } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError, conflict, forbidden, notFound, unauthorized } from '../../platform/http/errors.js';
import { isStaff, MODULE } from './community.access.js';
import { LIMITS, type Category, type MemberRole } from './community.model.js';
import type { CommunityRepository } from './community.repository.js';
import type { CommunityService, CommunitySettings } from './community.service.js';
import { plainLine } from './community.text.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface Registration {
  email: string;
  displayName: string;
  organisation: { name: string; category: Category; district?: string | null; description?: string };
}

export function createCommunityAccounts(deps: {
  db: Db;
  repo: CommunityRepository;
  service: CommunityService;
  accounts: RepresentativeAccounts;
  audit: AuditRecorder;
  clock: Clock;
  mailer: Mailer;
  settings: CommunitySettings;
}) {
  const { db, repo, service, accounts, audit, clock, mailer, settings } = deps;
  const access = service.access;
  const signature = `\n\n-- \nNetzwerk der Vereine und Kultureinrichtungen, ${settings.cityName}\n${settings.publicUrl}/vereine`;

  return {
    /**
     * Registers a representative with a new, unverified organisation. Always answers the same way, so
     * the form cannot be used to find out which addresses have accounts; the mail tells the truth.
     */
    async register(actor: Actor, input: Registration) {
      const email = input.email.trim().toLowerCase();
      const outcome = await withTransaction(db, async (trx) => {
        const account = await accounts.ensureRepresentative(trx, actor, { email, displayName: plainLine(input.displayName) });
        if (!account.created) return { ...account, organisationName: undefined };
        const organisationId = await service.insertOrganisation(trx, actor, input.organisation, {}, 'body.organisation');
        await repo.upsertMembership(trx, organisationId, account.userId, 'owner');
        await audit.record(trx, { actor, module: MODULE, entity: 'membership', entityId: organisationId, action: 'create', after: { userId: account.userId, role: 'owner' } });
        return { ...account, organisationName: plainLine(input.organisation.name) };
      });
      if (outcome.created) {
        await mailer.send({
          to: email,
          subject: `Bitte bestätigen: Registrierung von „${outcome.organisationName}“`,
          text:
            `Guten Tag,\n\nSie haben „${outcome.organisationName}“ im Netzwerk der Vereine und Kultureinrichtungen von ${settings.cityName} registriert.\n` +
            `Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link (72 Stunden gültig). Danach legen Sie ein Passwort und eine Authenticator-App fest:\n\n${outcome.enrolmentUrl}\n\n` +
            `Die Stadt prüft den Eintrag; erst nach der Prüfung sind er und seine Veranstaltungen öffentlich sichtbar.\n` +
            `Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.${signature}`,
        });
      } else {
        await mailer.send({
          to: email,
          subject: 'Registrierung: Für diese Adresse besteht bereits ein Konto',
          text:
            `Guten Tag,\n\nfür ${email} besteht bereits ein Konto. Melden Sie sich an und legen Sie weitere Organisationen in Ihrem Konto an.` +
            (outcome.enrolmentUrl ? `\nIhr Konto ist noch nicht bestätigt; hier ist ein neuer Bestätigungslink (72 Stunden gültig):\n\n${outcome.enrolmentUrl}` : '') +
            `\n\nWenn Sie das nicht waren, ignorieren Sie diese E-Mail.${signature}`,
        });
      }
      return { ok: true as const };
    },

    async me(actor: Actor) {
      requireAccount(actor);
      const rows = await repo.membershipsOfUser(actor.id);
      return {
        account: { id: actor.id, email: actor.email, staff: isStaff(actor) },
        memberships: rows.map((r) => ({ organisation: { id: r.id, slug: r.slug, name: r.name, verified: r.verified }, role: r.role })),
      };
    },

    async members(actor: Actor, organisationId: number) {
      await access.requireOwner(actor, organisationId);
      const [members, invitations] = await Promise.all([repo.members(organisationId), repo.openInvitations(organisationId, clock.now())]);
      return {
        members: members.map((m) => ({ userId: m.user_id, email: m.email, displayName: m.display_name, role: m.role, since: m.created_at.toISOString() })),
        invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expires_at.toISOString() })),
      };
    },

    async invite(actor: Actor, organisationId: number, input: { email: string; role: MemberRole }) {
      await access.requireOwner(actor, organisationId);
      const organisation = await repo.organisation(organisationId);
      if (!organisation) throw notFound('COMMUNITY_ORGANISATION_NOT_FOUND', `There is no organisation ${organisationId}.`);
      const email = input.email.trim().toLowerCase();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(clock.now().getTime() + LIMITS.invitationDays * 86_400_000);
      const id = await withTransaction(db, async (trx) => {
        const { id } = await repo.insertInvitation(trx, {
          organisation_id: organisationId,
          email,
          role: input.role,
          token_hash: sha256(token),
          invited_by: actor.kind === 'user' || actor.kind === 'member' ? actor.id : null,
          expires_at: expiresAt,
        });
        await audit.record(trx, { actor, module: MODULE, entity: 'invitation', entityId: id, action: 'create', after: { organisationId, email, role: input.role } });
        return id;
      });
      await mailer.send({
        to: email,
        subject: `Einladung: „${organisation.name}“ mitbearbeiten`,
        text:
          `Guten Tag,\n\nSie wurden eingeladen, den Eintrag und die Veranstaltungen von „${organisation.name}“ im Netzwerk der Vereine und Kultureinrichtungen von ${settings.cityName} mitzubearbeiten.\n` +
          `Die Einladung gilt ${LIMITS.invitationDays} Tage:\n\n${settings.publicUrl}/vereine/einladung?token=${token}\n\n` +
          `Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.${signature}`,
      });
      return { id, email, role: input.role, expiresAt: expiresAt.toISOString() };
    },

    /**
     * Redeems an invitation. Logged in: the account must have the invited address. Not logged in and
     * no password yet: the account is created (the link came to that address, which confirms it) and
     * the answer carries identity's enrolment link to set password and authenticator.
     */
    async acceptInvitation(actor: Actor, token: string) {
      const hash = sha256(token);
      return withTransaction(db, async (trx) => {
        const invitation = await repo.invitationByHash(trx, hash);
        if (!invitation || invitation.accepted_at || invitation.expires_at <= clock.now()) {
          throw new AppError('COMMUNITY_INVITATION_INVALID', 'This invitation is invalid, used or expired. Ask the organisation for a new one.', { status: 410, field: 'body.token' });
        }
        let userId: number;
        let enrolmentUrl: string | null = null;
        if (actor.kind === 'user' || actor.kind === 'member') {
          if (actor.email !== invitation.email) {
            throw forbidden('COMMUNITY_INVITATION_OTHER_ADDRESS', `This invitation is for ${invitation.email}; you are logged in as ${actor.email}.`);
          }
          userId = actor.id;
        } else {
          const account = await accounts.ensureRepresentative(trx, actor, { email: invitation.email, displayName: '' });
          if (!account.enrolmentUrl) throw unauthorized('AUTH_REQUIRED', 'This address has an account: log in first, then open the invitation link again.');
          userId = account.userId;
          enrolmentUrl = account.enrolmentUrl;
        }
        await repo.upsertMembership(trx, invitation.organisation_id, userId, invitation.role);
        await repo.acceptInvitation(trx, invitation.id, clock.now());
        await audit.record(trx, { actor, module: MODULE, entity: 'membership', entityId: invitation.organisation_id, action: 'accept-invitation', after: { userId, role: invitation.role, invitationId: invitation.id } });
        return { organisationId: invitation.organisation_id, role: invitation.role, enrolmentUrl };
      });
    },

    async removeMember(actor: Actor, organisationId: number, userId: number) {
      await access.requireOwner(actor, organisationId);
      await withTransaction(db, async (trx) => {
        await repo.lockOrganisation(trx, organisationId);
        const removed = await repo.deleteMembership(trx, organisationId, userId);
        if (!Number(removed.numDeletedRows)) throw notFound('COMMUNITY_MEMBER_NOT_FOUND', `User ${userId} is not a member of organisation ${organisationId}.`);
        if ((await repo.countOwners(trx, organisationId)) === 0) {
          throw conflict('COMMUNITY_LAST_OWNER', 'The last owner cannot be removed; make someone else owner first.');
        }
        await audit.record(trx, { actor, module: MODULE, entity: 'membership', entityId: organisationId, action: 'delete', before: { userId } });
      });
    },
  };
}

export type CommunityAccounts = ReturnType<typeof createCommunityAccounts>;
