/**
 * Contracts between modules. A module depends on these interfaces, never on another module's files;
 * app.ts hands each module the implementations.
 */
import type { Actor } from './auth/actor.js';
import type { Db } from './db/database.js';

export interface AuditEntry {
  actor: Actor;
  module: string;
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecorder {
  /** Appends to the audit log inside the caller's transaction: the change and its record commit together. */
  record(trx: Db, entry: AuditEntry): Promise<void>;
}

/** Sends e-mail (SMTP, or .eml files in DATA_DIR/outbox by default). */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
