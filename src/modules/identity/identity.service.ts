/**
 * Staff identity: accounts, roles, mandatory TOTP, sessions and API tokens.
 * Every login path ends in a TOTP (or one-time recovery code) check; a session below stage "full"
 * can do nothing but finish that check.
 */
import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { requireAccount, requireAdmin, type AccountRole, type Actor, type Role } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError, badRequest, conflict, notFound, unauthorized } from '../../platform/http/errors.js';
import type { IdentityRepository, UserRow } from './identity.repository.js';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { generateSecret, otpauthUrl, verifyTotp } from './totp.js';

export interface IdentitySettings {
  publicUrl: string;
  cityName: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  /** Module names an editor may be scoped to. */
  modules: readonly string[];
}

export type Stage = 'mfa' | 'enrol' | 'full';

export interface PublicUser {
  id: number;
  email: string;
  displayName: string;
  role: AccountRole;
  modules: string[];
  mfaEnrolled: boolean;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface SessionGrant {
  sessionToken: string;
  csrfToken: string;
  stage: Stage;
  expiresAt: Date;
}

const MODULE = 'identity';
const STAGE_SESSION_MINUTES = 10;
const ENROLMENT_LINK_HOURS = 72;
const LOCK_MINUTES = 15;
const RECOVERY_CODES = 10;
const TOUCH_EVERY_MS = 60_000;
const TOKEN_PREFIX = 'cft_';
/**
 * Resolved API tokens are remembered this long, so a device posting many Observations per second
 * costs no token look-up per request. A revocation on this instance takes effect at once; other
 * instances sharing the database see it within this time.
 */
const TOKEN_CACHE_MS = 10_000;
const TOKEN_CACHE_MAX = 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function recoveryCode(): string {
  const raw = randomBytes(8).toString('hex'); // 64 bits
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
}

export function createIdentityService(deps: {
  db: Db;
  repo: IdentityRepository;
  audit: AuditRecorder;
  clock: Clock;
  settings: IdentitySettings;
}) {
  const { db, repo, audit, clock, settings } = deps;
  const resolvedTokens = new Map<string, { actor: Actor; until: number }>();

  /** The Actor of an account: representatives of organisations are members, never staff users. */
  const actorOf = (u: Pick<UserRow, 'id' | 'email' | 'role' | 'modules'>): Extract<Actor, { kind: 'user' | 'member' }> =>
    u.role === 'organisation' ? { kind: 'member', id: u.id, email: u.email } : { kind: 'user', id: u.id, email: u.email, role: u.role, modules: u.modules };

  const isLocked = (u: UserRow) => u.locked_until !== null && u.locked_until > clock.now();

  const toPublic = (u: UserRow): PublicUser => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    modules: u.modules,
    mfaEnrolled: u.totp_secret !== null,
    locked: isLocked(u),
    disabled: u.disabled,
    createdAt: u.created_at.toISOString(),
  });

  /** What the audit log keeps of a user: never hashes or seeds. */
  const auditView = (u: UserRow) => ({
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    modules: u.modules,
    disabled: u.disabled,
    mfaEnrolled: u.totp_secret !== null,
  });

  function checkRoleAndModules(role: AccountRole, modules: string[]) {
    const unknown = modules.filter((m) => !settings.modules.includes(m));
    if (unknown.length) {
      throw badRequest('IDENTITY_MODULE_UNKNOWN', `Unknown module(s): ${unknown.join(', ')}. Known: ${settings.modules.join(', ')}.`, 'body.modules');
    }
    if (role !== 'editor' && modules.length) {
      throw badRequest('IDENTITY_MODULES_ONLY_FOR_EDITORS', 'Only editors are scoped to modules.', 'body.modules');
    }
  }

  async function issueEnrolmentLink(trx: Db, userId: number): Promise<string> {
    const token = randomToken();
    await repo.useEnrolmentTokens(trx, userId, clock.now());
    await repo.insertEnrolmentToken(trx, {
      token_hash: sha256(token),
      user_id: userId,
      expires_at: new Date(clock.now().getTime() + ENROLMENT_LINK_HOURS * 3600_000),
    });
    return `${settings.publicUrl}/staff/enrol?token=${token}`;
  }

  async function newSession(trx: Db, userId: number, stage: Stage): Promise<SessionGrant> {
    const sessionToken = randomToken();
    const csrfToken = randomToken(24);
    const now = clock.now();
    const expiresAt = new Date(
      now.getTime() + (stage === 'full' ? settings.sessionAbsoluteHours * 3600_000 : STAGE_SESSION_MINUTES * 60_000),
    );
    await repo.insertSession(trx, {
      id_hash: sha256(sessionToken),
      user_id: userId,
      stage,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    return { sessionToken, csrfToken, stage, expiresAt };
  }

  /** Counts a failure and locks the account once the limit is reached. Runs in its own transaction. */
  async function registerFailure(user: UserRow, what: string) {
    await withTransaction(db, async (trx) => {
      const failures = await repo.registerFailure(trx, user.id);
      if (failures >= settings.loginMaxFailures) {
        const until = new Date(clock.now().getTime() + LOCK_MINUTES * 60_000);
        await repo.updateUser(trx, user.id, { locked_until: until, failed_attempts: 0 });
        await audit.record(trx, {
          actor: { kind: 'system', name: 'identity' },
          module: MODULE,
          entity: 'user',
          entityId: user.id,
          action: 'locked',
          after: { reason: what, lockedUntil: until.toISOString() },
        });
      }
    });
  }

  function lockedError(user: UserRow) {
    return new AppError(
      'IDENTITY_ACCOUNT_LOCKED',
      `This account is locked after too many failed attempts until ${user.locked_until!.toISOString()}. Try again later or ask an administrator.`,
      { status: 423 },
    );
  }

  /** The stage session behind a cookie, or a clear error. */
  async function stageSession(trx: Db, sessionToken: string | undefined, expected: Stage) {
    const session = sessionToken ? await repo.session(trx, sha256(sessionToken)) : undefined;
    if (!session || session.expires_at <= clock.now()) {
      throw unauthorized('IDENTITY_SESSION_MISSING', 'Your login has expired or was not started. Please log in again.');
    }
    if (session.stage !== expected) {
      throw new AppError('IDENTITY_WRONG_STEP', `This step is not expected now (your login is at step "${session.stage}").`, {
        status: 409,
      });
    }
    const user = await repo.userById(trx, session.user_id);
    if (!user || user.disabled) throw unauthorized('IDENTITY_ACCOUNT_DISABLED', 'This account is disabled.');
    return { session, user };
  }

  /** Moves a session to stage "full": a fresh session id, so a token seen before MFA is worthless after. */
  async function promote(trx: Db, oldHash: string, user: UserRow, action: string): Promise<SessionGrant> {
    await repo.deleteSession(trx, oldHash);
    const grant = await newSession(trx, user.id, 'full');
    await audit.record(trx, {
      actor: actorOf(user),
      module: MODULE,
      entity: 'session',
      entityId: user.id,
      action,
    });
    return grant;
  }

  return {
    toPublic,

    async listUsers(actor: Actor): Promise<PublicUser[]> {
      requireAdmin(actor);
      // Representatives of organisations are managed in the community module, not as staff.
      return (await repo.listUsers()).filter((u) => u.role !== 'organisation').map(toPublic);
    },

    async createUser(actor: Actor, input: { email: string; displayName?: string; role: Role; modules?: string[] }) {
      requireAdmin(actor);
      const email = input.email.trim().toLowerCase();
      const modules = [...new Set(input.modules ?? [])];
      checkRoleAndModules(input.role, modules);
      if (await repo.userByEmail(email)) {
        throw conflict('IDENTITY_EMAIL_TAKEN', `A user with the e-mail address ${email} exists already.`, 'body.email');
      }
      return withTransaction(db, async (trx) => {
        const user = await repo.insertUser(trx, { email, display_name: input.displayName?.trim() ?? '', role: input.role, modules });
        const enrolmentUrl = await issueEnrolmentLink(trx, user.id);
        await audit.record(trx, { actor, module: MODULE, entity: 'user', entityId: user.id, action: 'create', after: auditView(user) });
        return { user: toPublic(user), enrolmentUrl };
      });
    },

    async updateUser(actor: Actor, id: number, patch: { role?: Role; modules?: string[]; disabled?: boolean; displayName?: string }) {
      requireAdmin(actor);
      return withTransaction(db, async (trx) => {
        const before = await repo.userById(trx, id);
        if (!before) throw notFound('IDENTITY_USER_NOT_FOUND', `There is no user with id ${id}.`);
        const role = patch.role ?? before.role;
        const modules = patch.modules ? [...new Set(patch.modules)] : role === 'editor' ? before.modules : [];
        checkRoleAndModules(role, modules);
        const after = await repo.updateUser(trx, id, {
          role,
          modules,
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
          ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
        });
        if (before.role === 'admin' && (after.role !== 'admin' || after.disabled) && (await repo.countAdmins(trx)) === 0) {
          throw conflict('IDENTITY_LAST_ADMIN', 'The last active administrator cannot be demoted or disabled.', 'body.role');
        }
        if (after.disabled || after.role !== before.role) await repo.deleteUserSessions(trx, id);
        await audit.record(trx, { actor, module: MODULE, entity: 'user', entityId: id, action: 'update', before: auditView(before), after: auditView(after) });
        return toPublic(after);
      });
    },

    /** A new enrolment link: the user sets a new password and authenticator; old sessions end. */
    async resetMfa(actor: Actor, id: number) {
      requireAdmin(actor);
      return withTransaction(db, async (trx) => {
        const user = await repo.userById(trx, id);
        if (!user) throw notFound('IDENTITY_USER_NOT_FOUND', `There is no user with id ${id}.`);
        await repo.updateUser(trx, id, { totp_secret: null, totp_pending_secret: null, password_hash: null, failed_attempts: 0, locked_until: null });
        await repo.replaceRecoveryCodes(trx, id, []);
        await repo.deleteUserSessions(trx, id);
        const enrolmentUrl = await issueEnrolmentLink(trx, id);
        await audit.record(trx, { actor, module: MODULE, entity: 'user', entityId: id, action: 'reset-mfa' });
        return { enrolmentUrl };
      });
    },

    async login(input: { email: string; password: string }): Promise<SessionGrant> {
      const email = input.email.trim().toLowerCase();
      const user = await repo.userByEmail(email);
      if (!user || !user.password_hash || user.disabled) {
        await verifyPassword(input.password, await dummyPasswordHash()); // same time as a real check
        throw unauthorized('IDENTITY_LOGIN_FAILED', 'The e-mail address or the password is wrong.');
      }
      if (isLocked(user)) throw lockedError(user);
      if (!(await verifyPassword(input.password, user.password_hash))) {
        await registerFailure(user, 'password');
        throw unauthorized('IDENTITY_LOGIN_FAILED', 'The e-mail address or the password is wrong.');
      }
      return withTransaction(db, (trx) => newSession(trx, user.id, user.totp_secret ? 'mfa' : 'enrol'));
    },

    async verifyMfa(sessionToken: string | undefined, input: { code?: string; recoveryCode?: string }): Promise<SessionGrant> {
      const { session, user } = await withTransaction(db, (trx) => stageSession(trx, sessionToken, 'mfa'));
      if (isLocked(user)) throw lockedError(user);
      const grant = await withTransaction(db, async (trx) => {
        if (input.code !== undefined) {
          const step = verifyTotp(user.totp_secret!, input.code.trim(), clock.now(), user.totp_last_step);
          if (step === undefined || !(await repo.consumeTotpStep(trx, user.id, step))) return undefined;
          return promote(trx, session.id_hash, user, 'login');
        }
        if (input.recoveryCode !== undefined) {
          const used = await repo.useRecoveryCode(trx, user.id, sha256(normaliseRecoveryCode(input.recoveryCode)), clock.now());
          if (!used) return undefined;
          await repo.updateUser(trx, user.id, { failed_attempts: 0 });
          return promote(trx, session.id_hash, user, 'login-with-recovery-code');
        }
        throw badRequest('IDENTITY_CODE_REQUIRED', 'Send either "code" (6 digits) or "recoveryCode".', 'body.code');
      });
      if (!grant) {
        await registerFailure(user, 'second factor');
        throw unauthorized(
          'IDENTITY_CODE_INVALID',
          'The code is wrong, expired or was already used. Wait for the next code in your authenticator app.',
        );
      }
      return grant;
    },

    async startEnrolment(input: { token: string; password: string }): Promise<SessionGrant> {
      return withTransaction(db, async (trx) => {
        const row = await repo.enrolmentToken(trx, sha256(input.token));
        if (!row || row.used_at || row.expires_at <= clock.now()) {
          throw new AppError('IDENTITY_ENROLMENT_LINK_INVALID', 'This enrolment link is invalid, used or expired. Ask an administrator for a new one.', {
            status: 410,
            field: 'body.token',
          });
        }
        const user = await repo.userById(trx, row.user_id);
        if (!user || user.disabled) throw unauthorized('IDENTITY_ACCOUNT_DISABLED', 'This account is disabled.');
        const problem = passwordProblem(input.password, { email: user.email, cityName: settings.cityName });
        if (problem) throw badRequest('IDENTITY_PASSWORD_WEAK', `The password ${problem}.`, 'body.password');
        await repo.updateUser(trx, user.id, { password_hash: await hashPassword(input.password), totp_secret: null });
        await repo.useEnrolmentTokens(trx, user.id, clock.now());
        await audit.record(trx, { actor: actorOf(user), module: MODULE, entity: 'user', entityId: user.id, action: 'set-password' });
        return newSession(trx, user.id, 'enrol');
      });
    },

    async totpSetup(sessionToken: string | undefined) {
      return withTransaction(db, async (trx) => {
        const { user } = await stageSession(trx, sessionToken, 'enrol');
        const secret = generateSecret();
        await repo.updateUser(trx, user.id, { totp_pending_secret: secret });
        const url = otpauthUrl(`Confluentes ${settings.cityName}`, user.email, secret);
        const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
        return { secret, otpauthUrl: url, qrSvg };
      });
    },

    async totpConfirm(sessionToken: string | undefined, code: string) {
      const result = await withTransaction(db, async (trx) => {
        const { session, user } = await stageSession(trx, sessionToken, 'enrol');
        if (!user.totp_pending_secret) {
          throw conflict('IDENTITY_TOTP_NOT_STARTED', 'Start the authenticator setup first (POST /api/auth/totp/setup).');
        }
        const step = verifyTotp(user.totp_pending_secret, code.trim(), clock.now(), 0);
        if (step === undefined) return undefined;
        const enrolled = await repo.updateUser(trx, user.id, {
          totp_secret: user.totp_pending_secret,
          totp_pending_secret: null,
          totp_last_step: step,
          failed_attempts: 0,
        });
        const recoveryCodes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
        await repo.replaceRecoveryCodes(trx, user.id, recoveryCodes.map((c) => sha256(normaliseRecoveryCode(c))));
        await audit.record(trx, { actor: actorOf(user), module: MODULE, entity: 'user', entityId: user.id, action: 'enrol-totp', after: auditView(enrolled) });
        const grant = await promote(trx, session.id_hash, enrolled, 'login');
        return { ...grant, recoveryCodes };
      });
      if (!result) {
        throw unauthorized('IDENTITY_CODE_INVALID', 'The code does not match. Check the time on your phone and enter the current code.');
      }
      return result;
    },

    /** Resolves a session cookie. Expired sessions are removed; activity is written at most once a minute. */
    async resolveSession(sessionToken: string) {
      const hash = sha256(sessionToken);
      const row = await repo.sessionWithUser(hash);
      if (!row) return undefined;
      const now = clock.now();
      const idleLimit = new Date(row.last_seen_at.getTime() + settings.sessionIdleMinutes * 60_000);
      if (row.expires_at <= now || (row.stage === 'full' && idleLimit <= now) || row.disabled) {
        await repo.deleteSession(db, hash);
        return { expired: true as const };
      }
      if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await repo.touchSession(hash, now);
      return {
        expired: false as const,
        stage: row.stage,
        csrfToken: row.csrf_token,
        actor: actorOf({ id: row.user_id, email: row.email, role: row.role, modules: row.modules }),
      };
    },

    async currentUser(actorId: number) {
      const user = await repo.userById(db, actorId);
      return user ? toPublic(user) : undefined;
    },

    async logout(sessionToken: string | undefined) {
      if (sessionToken) await repo.deleteSession(db, sha256(sessionToken));
    },

    async logoutEverywhere(actor: Actor) {
      requireAccount(actor);
      await withTransaction(db, async (trx) => {
        await repo.deleteUserSessions(trx, actor.id);
        await audit.record(trx, { actor, module: MODULE, entity: 'session', entityId: actor.id, action: 'logout-everywhere' });
      });
    },

    async createApiToken(actor: Actor, input: { name: string; scopes: string[]; expiresInDays?: number }) {
      requireAdmin(actor);
      const bad = input.scopes.filter((s) => !/^[a-z]+:(read|write)(:[A-Za-z0-9_-]+)?$/.test(s));
      if (bad.length) throw badRequest('IDENTITY_SCOPE_INVALID', `Scopes look like "sensors:write" (got ${bad.join(', ')}).`, 'body.scopes');
      const token = TOKEN_PREFIX + randomToken();
      return withTransaction(db, async (trx) => {
        const row = await repo.insertApiToken(trx, {
          name: input.name.trim(),
          token_hash: sha256(token),
          prefix: token.slice(0, TOKEN_PREFIX.length + 6),
          scopes: [...new Set(input.scopes)],
          created_by: actor.kind === 'user' ? actor.id : null,
          expires_at: input.expiresInDays ? new Date(clock.now().getTime() + input.expiresInDays * 86_400_000) : null,
        });
        await audit.record(trx, { actor, module: MODULE, entity: 'api-token', entityId: row.id, action: 'create', after: { name: row.name, scopes: row.scopes, expiresAt: row.expires_at } });
        return { token, info: tokenInfo(row) };
      });
    },

    async listApiTokens(actor: Actor) {
      requireAdmin(actor);
      return (await repo.listApiTokens()).map(tokenInfo);
    },

    async revokeApiToken(actor: Actor, id: number) {
      requireAdmin(actor);
      await withTransaction(db, async (trx) => {
        const row = await repo.revokeApiToken(trx, id, clock.now());
        if (!row) throw notFound('IDENTITY_TOKEN_NOT_FOUND', `There is no active API token with id ${id}.`);
        await audit.record(trx, { actor, module: MODULE, entity: 'api-token', entityId: id, action: 'revoke' });
      });
      resolvedTokens.clear(); // after the commit: a look-up meanwhile could cache the token again
    },

    async resolveApiToken(token: string): Promise<Actor | undefined> {
      if (!token.startsWith(TOKEN_PREFIX)) return undefined;
      const hash = sha256(token);
      const now = clock.now();
      const cached = resolvedTokens.get(hash);
      if (cached && cached.until > now.getTime()) return cached.actor;
      const row = await repo.apiTokenByHash(hash);
      if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return undefined;
      if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) await repo.touchApiToken(row.id, now);
      const actor: Actor = { kind: 'token', id: row.id, name: row.name, scopes: row.scopes };
      if (resolvedTokens.size >= TOKEN_CACHE_MAX) resolvedTokens.clear();
      const until = Math.min(now.getTime() + TOKEN_CACHE_MS, row.expires_at?.getTime() ?? Infinity);
      resolvedTokens.set(hash, { actor, until });
      return actor;
    },

    /**
     * The account of a representative of an organisation (RepresentativeAccounts in platform/contracts.ts),
     * created with the role "organisation" when the address has none, inside the caller's transaction.
     * `enrolmentUrl` is set while the person has not yet set a password: redeeming the link (sent to
     * the address) confirms the address, then password and authenticator follow as for staff.
     */
    async ensureRepresentative(trx: Db, actor: Actor, input: { email: string; displayName: string }) {
      const email = input.email.trim().toLowerCase();
      const existing = await repo.userByEmailIn(trx, email);
      const user = existing ?? (await repo.insertUser(trx, { email, display_name: input.displayName.trim(), role: 'organisation', modules: [] }));
      if (!existing) await audit.record(trx, { actor, module: MODULE, entity: 'user', entityId: user.id, action: 'create', after: auditView(user) });
      const enrolmentUrl = user.password_hash === null && !user.disabled ? await issueEnrolmentLink(trx, user.id) : null;
      return { userId: user.id, created: !existing, enrolmentUrl };
    },

    /** Used by the CLI for the very first administrator. */
    async hasUsers() {
      return (await repo.listUsers()).length > 0;
    },

    async purgeExpiredSessions() {
      await repo.deleteExpiredSessions(clock.now());
    },
  };
}

function tokenInfo(row: import('./identity.repository.js').ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
