import type { Generated, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { AccountRole } from '../../platform/auth/actor.js';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: Generated<string>;
  role: AccountRole;
  modules: Generated<string[]>;
  password_hash: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  stage: 'mfa' | 'enrol' | 'full';
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export type IdentityTables = {
  identity_users: UsersTable;
  identity_recovery_codes: { id: Generated<number>; user_id: number; code_hash: string; used_at: Date | null };
  identity_enrolment_tokens: { token_hash: string; user_id: number; expires_at: Date; used_at: Date | null };
  identity_sessions: SessionsTable;
  identity_api_tokens: {
    id: Generated<number>;
    name: string;
    token_hash: string;
    prefix: string;
    scopes: string[];
    created_by: number | null;
    created_at: Generated<Date>;
    expires_at: Date | null;
    revoked_at: Date | null;
    last_used_at: Date | null;
  };
};

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<IdentityTables['identity_api_tokens']>;

/** All SQL of the identity module. Methods take `trx` where they must run inside a transaction. */
export function createIdentityRepository(database: Db) {
  const t = (db: Db) => db.withTables<IdentityTables>();
  const db = t(database);

  return {
    userByEmail: (email: string) => db.selectFrom('identity_users').selectAll().where('email', '=', email).executeTakeFirst(),
    userByEmailIn: (trx: Db, email: string) => t(trx).selectFrom('identity_users').selectAll().where('email', '=', email).executeTakeFirst(),
    userById: (trx: Db, id: number) => t(trx).selectFrom('identity_users').selectAll().where('id', '=', id).executeTakeFirst(),
    listUsers: () => db.selectFrom('identity_users').selectAll().orderBy('email').execute(),
    countAdmins: (trx: Db) =>
      t(trx)
        .selectFrom('identity_users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled', '=', false)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),

    insertUser: (trx: Db, values: { email: string; display_name: string; role: AccountRole; modules: string[] }) =>
      t(trx).insertInto('identity_users').values(values).returningAll().executeTakeFirstOrThrow(),

    updateUser: (trx: Db, id: number, values: Partial<Omit<UserRow, 'id' | 'created_at'>>) =>
      t(trx)
        .updateTable('identity_users')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Counts a failed attempt atomically and returns the new count. */
    registerFailure: (trx: Db, id: number) =>
      t(trx)
        .updateTable('identity_users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', id)
        .returning(['failed_attempts'])
        .executeTakeFirstOrThrow()
        .then((r) => r.failed_attempts),

    /** Consumes a TOTP step only if it is newer than the last one: two racing requests cannot both win. */
    consumeTotpStep: (trx: Db, id: number, step: number) =>
      t(trx)
        .updateTable('identity_users')
        .set({ totp_last_step: step, failed_attempts: 0, locked_until: null })
        .where('id', '=', id)
        .where('totp_last_step', '<', step)
        .executeTakeFirst()
        .then((r) => Number(r.numUpdatedRows) === 1),

    insertEnrolmentToken: (trx: Db, row: { token_hash: string; user_id: number; expires_at: Date }) =>
      t(trx).insertInto('identity_enrolment_tokens').values({ ...row, used_at: null }).execute(),
    enrolmentToken: (trx: Db, hash: string) =>
      t(trx).selectFrom('identity_enrolment_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
    useEnrolmentTokens: (trx: Db, userId: number, at: Date) =>
      t(trx)
        .updateTable('identity_enrolment_tokens')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .execute(),

    replaceRecoveryCodes: async (trx: Db, userId: number, hashes: string[]) => {
      await t(trx).deleteFrom('identity_recovery_codes').where('user_id', '=', userId).execute();
      await t(trx)
        .insertInto('identity_recovery_codes')
        .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
        .execute();
    },
    useRecoveryCode: (trx: Db, userId: number, hash: string, at: Date) =>
      t(trx)
        .updateTable('identity_recovery_codes')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst()
        .then((r) => Number(r.numUpdatedRows) === 1),

    insertSession: (trx: Db, row: SessionRow) => t(trx).insertInto('identity_sessions').values(row).execute(),
    sessionWithUser: (hash: string) =>
      db
        .selectFrom('identity_sessions as s')
        .innerJoin('identity_users as u', 'u.id', 's.user_id')
        .select([
          's.id_hash',
          's.stage',
          's.csrf_token',
          's.created_at',
          's.last_seen_at',
          's.expires_at',
          'u.id as user_id',
          'u.email',
          'u.role',
          'u.modules',
          'u.disabled',
        ])
        .where('s.id_hash', '=', hash)
        .executeTakeFirst(),
    session: (trx: Db, hash: string) =>
      t(trx).selectFrom('identity_sessions').selectAll().where('id_hash', '=', hash).executeTakeFirst(),
    touchSession: (hash: string, at: Date) =>
      db.updateTable('identity_sessions').set({ last_seen_at: at }).where('id_hash', '=', hash).execute(),
    deleteSession: (trx: Db, hash: string) => t(trx).deleteFrom('identity_sessions').where('id_hash', '=', hash).execute(),
    deleteUserSessions: (trx: Db, userId: number) =>
      t(trx).deleteFrom('identity_sessions').where('user_id', '=', userId).execute(),
    deleteExpiredSessions: (before: Date) => db.deleteFrom('identity_sessions').where('expires_at', '<', before).execute(),

    insertApiToken: (trx: Db, row: Omit<ApiTokenRow, 'id' | 'created_at' | 'revoked_at' | 'last_used_at'>) =>
      t(trx).insertInto('identity_api_tokens').values(row).returningAll().executeTakeFirstOrThrow(),
    listApiTokens: () => db.selectFrom('identity_api_tokens').selectAll().orderBy('id', 'desc').execute(),
    apiTokenByHash: (hash: string) =>
      db.selectFrom('identity_api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
    touchApiToken: (id: number, at: Date) =>
      db.updateTable('identity_api_tokens').set({ last_used_at: at }).where('id', '=', id).execute(),
    revokeApiToken: (trx: Db, id: number, at: Date) =>
      t(trx)
        .updateTable('identity_api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst(),
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
