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

/** Services of the city per OZG status (catalog module: online, in Umsetzung, geplant, nicht online). */
export interface CatalogStatusCounts {
  online: number;
  in_umsetzung: number;
  geplant: number;
  nicht_online: number;
}

export interface CatalogKpis {
  date: string;
  total: number;
  counts: CatalogStatusCounts;
  /** online / total, 0…1 */
  shareOnline: number;
  byThemenfeld: { id: number | null; name: string; total: number; counts: CatalogStatusCounts; shareOnline: number }[];
}

/** What the catalog module offers the dashboard and the open-data module; every figure comes from history. */
export interface CatalogKpiSource {
  kpis(date?: string): Promise<CatalogKpis>;
  timeline(options?: { from?: string; to?: string; step?: 'month' | 'quarter' }): Promise<{
    from: string;
    to: string;
    step: string;
    points: { date: string; counts: CatalogStatusCounts; total: number; shareOnline: number }[];
  }>;
  /** The committee table; with `compare`, the change and its explanation. */
  report(
    date: string,
    compare?: string,
    lang?: 'de' | 'en',
  ): Promise<{
    date: string;
    compare: string | null;
    total: number;
    rows: { status: string; label: string; count: number; compareCount: number | null; change: number | null }[];
    explanation: string[];
  }>;
  /** Changes with every write: for ETags and caches of modules that republish catalog data. */
  version(): Promise<{ version: number; updatedAt: Date }>;
}
