/**
 * Who is acting. Services receive an Actor and check permissions themselves, so a rule holds for
 * HTTP, CLI and MQTT callers alike.
 */
import { forbidden, unauthorized } from '../http/errors.js';

export type Role = 'admin' | 'editor' | 'viewer';

/** Every account's role: the staff roles, or `organisation` for representatives of clubs and institutions. */
export type AccountRole = Role | 'organisation';

/** Why an anonymous request has no actor although it carried a session: to give a precise message. */
export type PendingReason = 'mfa' | 'enrol' | 'expired' | 'invalid-token';

export type Actor =
  | { kind: 'anonymous'; pending?: PendingReason }
  | { kind: 'user'; id: number; email: string; role: Role; modules: readonly string[] }
  // A representative of an organisation (community module): logged in with the same mandatory TOTP
  // as staff, but a kind of its own so that no staff check (requireUser, requireStaff, `kind === 'user'`)
  // ever lets it through; what it may edit is decided by the community module's membership rows.
  | { kind: 'member'; id: number; email: string }
  | { kind: 'token'; id: number; name: string; scopes: readonly string[] }
  | { kind: 'system'; name: string };

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });
export const systemActor = (name: string): Actor => ({ kind: 'system', name });

/** A short, stable label for logs and the audit trail. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return `user:${actor.id}:${actor.email}`;
    case 'member':
      return `member:${actor.id}:${actor.email}`;
    case 'token':
      return `token:${actor.id}:${actor.name}`;
    case 'system':
      return `system:${actor.name}`;
  }
}

/** A logged-in person (staff or representative) with a full session; explains precisely why not. */
export function requireAccount(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' | 'member' }> {
  if (actor.kind === 'anonymous') {
    if (actor.pending === 'mfa') {
      throw unauthorized('AUTH_MFA_REQUIRED', 'Enter the code from your authenticator app to finish logging in.');
    }
    if (actor.pending === 'enrol') {
      throw forbidden('AUTH_MFA_ENROLMENT_REQUIRED', 'Set up your authenticator app first; nothing else is possible before that.');
    }
    if (actor.pending === 'invalid-token') {
      throw unauthorized('AUTH_TOKEN_INVALID', 'The API token is unknown, expired or revoked.');
    }
    if (actor.pending === 'expired') throw unauthorized('AUTH_SESSION_EXPIRED', 'Your session has expired. Please log in again.');
    throw unauthorized('AUTH_REQUIRED', 'Please log in with your password and authenticator code first.');
  }
  if (actor.kind !== 'user' && actor.kind !== 'member') throw forbidden('AUTH_USER_REQUIRED', 'This action needs a personal login, not an API token.');
}

export function requireUser(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  requireAccount(actor);
  if (actor.kind !== 'user') throw forbidden('AUTH_USER_REQUIRED', 'This action needs a staff login.');
}

export function requireAdmin(actor: Actor): void {
  if (actor.kind === 'system') return;
  requireUser(actor);
  if (actor.role !== 'admin') throw forbidden('AUTH_ADMIN_REQUIRED', 'Only administrators may do this.');
}

/** Any staff user may read the back office of a module (viewers included). */
export function requireStaff(actor: Actor): void {
  if (actor.kind === 'system') return;
  requireUser(actor);
}

/**
 * Writing to a module: admins always, editors when the module is in their scope, API tokens when
 * they carry `<module>:write`. Viewers never write.
 */
export function requireModuleWrite(actor: Actor, module: string): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'token') {
    if (actor.scopes.includes(`${module}:write`)) return;
    throw forbidden('AUTH_SCOPE_MISSING', `This API token lacks the scope "${module}:write".`);
  }
  requireUser(actor);
  if (actor.role === 'admin') return;
  if (actor.role === 'editor' && actor.modules.includes(module)) return;
  throw forbidden(
    'AUTH_MODULE_WRITE_FORBIDDEN',
    actor.role === 'viewer' ? 'Viewers cannot change data.' : `Your editor role does not include the module "${module}".`,
  );
}
