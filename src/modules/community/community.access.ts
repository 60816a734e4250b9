/**
 * Who may do what in the community module. The city: admins and editors scoped to `community` (and
 * API tokens with `community:write`) may change everything and verify; any staff login may read the
 * back office. Representatives act as `member` actors: they may edit exactly the organisations they
 * have a membership row for (owner or editor), and only owners manage the members.
 */
import { requireAccount, requireModuleWrite, requireStaff, type Actor } from '../../platform/auth/actor.js';
import { forbidden } from '../../platform/http/errors.js';
import type { MemberRole } from './community.model.js';
import type { CommunityRepository } from './community.repository.js';

export const MODULE = 'community';

const passes = (check: () => void) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

export const isCityEditor = (actor: Actor) => passes(() => requireModuleWrite(actor, MODULE));
export const isStaff = (actor: Actor) => passes(() => requireStaff(actor));

export function createAccess(repo: CommunityRepository) {
  /** The actor's role in an organisation, or undefined (also for every anonymous request). */
  async function roleIn(actor: Actor, organisationId: number): Promise<MemberRole | undefined> {
    if (actor.kind !== 'user' && actor.kind !== 'member') return undefined;
    return (await repo.membership(actor.id, organisationId))?.role;
  }

  return {
    roleIn,

    /** May see an organisation's unpublished data (unverified entry, internal contact, pending events). */
    async maySeeInternals(actor: Actor, organisationId: number) {
      return isStaff(actor) || (await roleIn(actor, organisationId)) !== undefined;
    },

    /** Editing the entry and its events: the city's editors, or the organisation's members. */
    async requireEditor(actor: Actor, organisationId: number) {
      if (isCityEditor(actor)) return;
      requireAccount(actor);
      if (!(await roleIn(actor, organisationId))) {
        throw forbidden('COMMUNITY_NOT_MEMBER', 'You may only change organisations you represent (ask one of its owners for an invitation).');
      }
    },

    /** Members and invitations: the city's editors, or owners of the organisation. */
    async requireOwner(actor: Actor, organisationId: number) {
      if (isCityEditor(actor)) return;
      requireAccount(actor);
      if ((await roleIn(actor, organisationId)) !== 'owner') {
        throw forbidden('COMMUNITY_OWNER_REQUIRED', 'Only owners of the organisation manage its members.');
      }
    },
  };
}

export type CommunityAccess = ReturnType<typeof createAccess>;
