/**
 * The only place that reads the environment. Every setting is parsed, checked and frozen here;
 * a bad value stops start-up with a message that names the variable (and every other bad one).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Public base URL used in links (selfLinks, e-mails, enrolment links). */
  readonly publicUrl: string;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  readonly trustProxy: boolean;
  readonly dataDir: string;
  /** postgres://… for a PostgreSQL server; undefined for the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  /** mqtt://… for an external broker; undefined starts the embedded broker. */
  readonly mqttUrl: string | undefined;
  readonly mqttPort: number;
  readonly mqttHost: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimitBytes: number;
  readonly cityProfile: string;
  readonly demoData: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly authRateLimitPerMinute: number;
  readonly loginMaxFailures: number;
  readonly cookieSecure: 'auto' | boolean;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Days after closing when a damage report's reporter e-mail and IP are removed. */
  readonly reportsRetentionDays: number;
  /** Damage reports: photos (default) = text public after checks, photos after release; all; none. */
  readonly reportsModeration: 'photos' | 'all' | 'none';
  /** Damage reports from the web form per hour and IP address. */
  readonly reportsWebPerHour: number;
  /** Damage reports from the web form per hour and e-mail address (default: a third of the per-IP limit, at least 1). */
  readonly reportsWebPerHourPerEmail: number;
  /** Open311 requests per client address and minute; requests with a valid api_key count against their key instead. */
  readonly reportsOpen311PerMinute: number;
  /** Hourly submission limit of a newly issued Open311 API key (each key keeps its own, changeable by admins). */
  readonly reportsApiKeyPerHour: number;
  /** Parking: a car park without an update for this long shows status "unknown", not its last number. */
  readonly parkingStaleMinutes: number;
  /** Waste: a container sensor silent for this long raises a stale-sensor alert. */
  readonly wasteStaleHours: number;
  /** Waste: where alerts are e-mailed (the responsible team); none means alerts are only listed. */
  readonly wasteAlertEmail: string | undefined;
  /** Path of a self-hosted MapLibre style on this origin; undefined uses the built-in city style. */
  readonly mapStyleUrl: string | undefined;
  /** Community events: none (public once the organisation is verified) or events (each event after the city's approval). */
  readonly communityModeration: 'none' | 'events';
  /** Community: self-service registrations of organisations per hour and client address. */
  readonly communityRegisterPerHour: number;
}

type Env = Record<string, string | undefined>;

interface Reader {
  errors: string[];
  env: Env;
}

function str(r: Reader, name: string, fallback: string): string {
  const v = r.env[name];
  return v === undefined || v === '' ? fallback : v;
}

function optional(r: Reader, name: string, protocols: string[]): string | undefined {
  const v = r.env[name];
  if (v === undefined || v === '') return undefined;
  try {
    const u = new URL(v);
    if (!protocols.includes(u.protocol)) {
      r.errors.push(`${name}: must start with ${protocols.map((p) => p + '//').join(' or ')} (got "${u.protocol}")`);
    }
  } catch {
    r.errors.push(`${name}: is not a valid URL`);
  }
  return v;
}

function int(r: Reader, name: string, fallback: number, min: number, max: number): number {
  const v = r.env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v.trim())) {
    r.errors.push(`${name}: must be a whole number between ${min} and ${max} (got "${v}")`);
    return fallback;
  }
  const n = Number(v);
  if (n < min || n > max) r.errors.push(`${name}: must be between ${min} and ${max} (got ${n})`);
  return n;
}

function bool(r: Reader, name: string, fallback: boolean): boolean {
  const v = r.env[name];
  if (v === undefined || v === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  r.errors.push(`${name}: must be true or false (got "${v}")`);
  return fallback;
}

function oneOf<T extends string>(r: Reader, name: string, fallback: T, allowed: readonly T[]): T {
  const v = r.env[name];
  if (v === undefined || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    r.errors.push(`${name}: must be one of ${allowed.join(', ')} (got "${v}")`);
    return fallback;
  }
  return v as T;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present) beneath the real environment: real variables win. */
export function readDotEnv(file = path.resolve('.env')): Env {
  if (!existsSync(file)) return {};
  const out: Env = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

export function loadConfig(env: Env = { ...readDotEnv(), ...process.env }): Config {
  const r: Reader = { errors: [], env };
  const nodeEnv = oneOf(r, 'NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const port = int(r, 'PORT', 8080, 0, 65535);
  const host = str(r, 'HOST', '0.0.0.0');
  const publicUrl = optional(r, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const cookieSecureRaw = str(r, 'COOKIE_SECURE', 'auto');
  let cookieSecure: Config['cookieSecure'] = 'auto';
  if (cookieSecureRaw !== 'auto') cookieSecure = bool(r, 'COOKIE_SECURE', false);
  const reportsWebPerHour = int(r, 'REPORTS_WEB_PER_HOUR', 10, 1, 100_000);
  const config: Config = {
    env: nodeEnv,
    host,
    port,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    trustProxy: bool(r, 'TRUST_PROXY', false),
    dataDir: path.resolve(str(r, 'DATA_DIR', './data')),
    databaseUrl: optional(r, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    mqttUrl: optional(r, 'MQTT_URL', ['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:']),
    mqttPort: int(r, 'MQTT_PORT', 1883, 0, 65535),
    mqttHost: str(r, 'MQTT_HOST', '0.0.0.0'),
    logLevel: oneOf(r, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    bodyLimitBytes: int(r, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    cityProfile: str(r, 'CITY_PROFILE', 'koblenz'),
    demoData: bool(r, 'DEMO_DATA', true),
    sessionIdleMinutes: int(r, 'SESSION_IDLE_MINUTES', 30, 1, 1440),
    sessionAbsoluteHours: int(r, 'SESSION_ABSOLUTE_HOURS', 12, 1, 168),
    authRateLimitPerMinute: int(r, 'AUTH_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    loginMaxFailures: int(r, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    cookieSecure,
    smtpUrl: optional(r, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str(r, 'MAIL_FROM', 'Confluentes <noreply@localhost>'),
    reportsRetentionDays: int(r, 'REPORTS_RETENTION_DAYS', 30, 1, 3650),
    reportsModeration: oneOf(r, 'REPORTS_MODERATION', 'photos', ['photos', 'all', 'none'] as const),
    reportsWebPerHour,
    reportsWebPerHourPerEmail: int(r, 'REPORTS_WEB_PER_HOUR_PER_EMAIL', Math.max(1, Math.floor(reportsWebPerHour / 3)), 1, 100_000),
    reportsOpen311PerMinute: int(r, 'REPORTS_OPEN311_PER_MINUTE', 600, 1, 1_000_000),
    reportsApiKeyPerHour: int(r, 'REPORTS_API_KEY_PER_HOUR', 1000, 1, 1_000_000),
    parkingStaleMinutes: int(r, 'PARKING_STALE_MINUTES', 15, 1, 10_080),
    wasteStaleHours: int(r, 'WASTE_STALE_HOURS', 24, 1, 8_760),
    wasteAlertEmail: str(r, 'WASTE_ALERT_EMAIL', '') || undefined,
    mapStyleUrl: str(r, 'MAP_STYLE_URL', '') || undefined,
    communityModeration: oneOf(r, 'COMMUNITY_MODERATION', 'none', ['none', 'events'] as const),
    communityRegisterPerHour: int(r, 'COMMUNITY_REGISTER_PER_HOUR', 5, 1, 100_000),
  };
  // The CSP lets the browser load only from this origin, so a basemap must be served here too
  // (e.g. PMTiles and a style.json behind the same reverse proxy).
  if (config.mapStyleUrl !== undefined && !/^\/(?!\/)[^\s]*$/.test(config.mapStyleUrl)) {
    r.errors.push(`MAP_STYLE_URL: must be a path on this server starting with "/", e.g. /basemap/style.json (got "${config.mapStyleUrl}")`);
  }
  if (!/^[a-z0-9-]+$/.test(config.cityProfile)) {
    r.errors.push(`CITY_PROFILE: must be a profile name like "koblenz" (got "${config.cityProfile}")`);
  }
  if (r.errors.length > 0) throw new ConfigError(r.errors);
  return Object.freeze(config);
}

/** For tests: a config with embedded defaults, overridable per test. */
export function testConfig(overrides: Env = {}): Config {
  return loadConfig({ NODE_ENV: 'test', PORT: '0', MQTT_PORT: '0', DEMO_DATA: 'false', ...overrides });
}
