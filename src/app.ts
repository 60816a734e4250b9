/**
 * buildApp(): the whole platform as one Fastify instance, used by the server and by tests.
 * Wires platform plumbing, then each module (repository → service → routes), handing modules only
 * the public APIs of the modules they use.
 */
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { authentication } from './platform/auth/hook.js';
import { loadCityProfile } from './platform/city.js';
import type { Config } from './platform/config.js';
import { systemClock, type Clock, type Mailer } from './platform/contracts.js';
import type { Database } from './platform/db/database.js';
import type { MigrationSource } from './platform/db/migrator.js';
import type { DemoSeed } from './platform/db/seeds.js';
import { sendProblem } from './platform/http/errors.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { ProblemSchema } from './platform/http/schemas.js';
import { refuseNulCharacters } from './platform/http/nul.js';
import { registerWeb } from './platform/http/web.js';
import { createMailer } from './platform/mail.js';
import type { MqttHandle } from './platform/mqtt/broker.js';
import { auditMigrations, createAuditModule } from './modules/audit/index.js';
import { catalogDemoSeed, catalogMigrations, createCatalogModule } from './modules/catalog/index.js';
import { cityRoutes } from './modules/city/index.js';
import { contentMigrations, createContentModule } from './modules/content/index.js';
import { createIdentityModule, identityMigrations } from './modules/identity/index.js';
import { createProjectsModule, projectsDemoSeed, projectsMigrations } from './modules/projects/index.js';
import { createReportsModule, DEFAULT_PHOTO_LIMITS, reportsDemoSeed, reportsMigrations } from './modules/reports/index.js';
import { createObservationSeries, createSensorsModule, sensorsDemoSeed, sensorsMigrations } from './modules/sensors/index.js';
import { createOpendataModule, opendataMigrations } from './modules/opendata/index.js';
import { platformDatasetProviders } from './opendata-providers.js';
import { createParkingModule, parkingDemoSeed, parkingMigrations } from './modules/parking/index.js';
import { createWasteModule, wasteDemoSeed, wasteMigrations } from './modules/waste/index.js';
import { createDashboardModule } from './modules/dashboard/index.js';
import { createGeoportalModule } from './modules/geoportal/index.js';
import { communityDemoSeed, communityMigrations, createCommunityModule } from './modules/community/index.js';

export const VERSION = '0.1.0';

/** Every module's migrations, in dependency order. */
export const MIGRATIONS: MigrationSource[] = [
  { module: 'platform', dir: fileURLToPath(new URL('./platform/db/migrations', import.meta.url)) },
  auditMigrations,
  identityMigrations,
  contentMigrations,
  catalogMigrations,
  projectsMigrations,
  reportsMigrations,
  sensorsMigrations,
  parkingMigrations,
  wasteMigrations,
  opendataMigrations,
  communityMigrations,
];

/** Demo data loaders, run once on first start when DEMO_DATA is on. */
export const DEMO_SEEDS: DemoSeed[] = [catalogDemoSeed(systemClock), projectsDemoSeed(systemClock), sensorsDemoSeed, reportsDemoSeed, parkingDemoSeed, wasteDemoSeed, communityDemoSeed(systemClock)];

/** Modules an editor can be scoped to. */
export const EDITABLE_MODULES = ['catalog', 'projects', 'sensors', 'parking', 'waste', 'reports', 'opendata', 'dashboard', 'content', 'community'];

export interface AppDeps {
  config: Config;
  database: Database;
  mqtt: MqttHandle;
  clock?: Clock;
  mailer?: Mailer;
}

const webDir = fileURLToPath(new URL('../dist/web', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const city = loadCityProfile(config.cityProfile);
  const mailer = deps.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: `${config.dataDir}/outbox` });

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        // One-time links carry their secret in the query string: never write it to the log.
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: req.url.replace(/([?&](token|api_key|key)=)[^&]*/gi, '$1[redacted]'),
          remoteAddress: req.ip,
        }),
      },
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ProblemSchema);
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  refuseNulCharacters(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        // Only this site may frame its pages; the embeddable widgets under /einbetten/ open up below.
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: false,
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/staff') || request.url.startsWith('/api/auth') || request.url.startsWith('/api/identity')) {
      reply.header('x-frame-options', 'DENY');
    } else if (request.url.startsWith('/einbetten/')) {
      // Embeddable widgets (map, tiles): any site may show them in an iframe. They are read-only and
      // need no login, so a framing site has nothing to trick a visitor into doing (clickjacking).
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("frame-ancestors 'self'", 'frame-ancestors *'));
    }
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: config.bodyLimitBytes });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error(`Too many requests: at most ${ctx.max} per ${ctx.after}. Please wait and try again.`), {
        statusCode: 429,
        code: 'RATE_LIMITED',
        headers: { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) },
      }),
  });
  await registerOpenApi(app, { version: VERSION, city });

  const audit = createAuditModule({ db: database.db, clock });
  const identity = createIdentityModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    settings: {
      publicUrl: config.publicUrl,
      cityName: city.name,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionAbsoluteHours: config.sessionAbsoluteHours,
      loginMaxFailures: config.loginMaxFailures,
      modules: EDITABLE_MODULES,
    },
  });
  const content = createContentModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    mailer,
    settings: {
      defaultsDir: fileURLToPath(new URL('../data/content', import.meta.url)),
      languages: city.languages,
      feedbackEmail: city.accessibilityFeedbackEmail ?? undefined,
    },
  });

  await app.register(authentication, { resolve: identity.resolveRequest });
  await app.register(identity.routes, {
    service: identity.service,
    cookieSecure: config.cookieSecure,
    authRateLimitPerMinute: config.authRateLimitPerMinute,
  });
  await app.register(audit.routes, { service: audit.service });
  await app.register(content.routes, { service: content.service });
  await app.register(cityRoutes, { profile: city });
  const catalog = createCatalogModule({ db: database.db, audit: audit.recorder, clock });
  await app.register(catalog.routes, { service: catalog.service, importer: catalog.importer });
  const projects = createProjectsModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    ozg: { report: (date, compare, lang) => catalog.api.report(date, compare, lang) },
    settings: { publicUrl: config.publicUrl, cityName: city.name, districts: city.districts },
  });
  await app.register(projects.routes, projects.routeOptions);
  const reports = createReportsModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    mailer,
    settings: {
      publicUrl: config.publicUrl,
      cityName: city.name,
      jurisdictionId: new URL(city.contact.website ?? config.publicUrl).hostname.replace(/^www\./, ''),
      contact: [city.contact.organisation, city.contact.address, city.contact.email, city.contact.phone].filter(Boolean).join(', '),
      bbox: [city.bbox[0]!, city.bbox[1]!, city.bbox[2]!, city.bbox[3]!],
      districts: city.districts,
      retentionDays: config.reportsRetentionDays,
      moderation: config.reportsModeration,
      webSubmissionsPerHourPerIp: config.reportsWebPerHour,
      webSubmissionsPerHourPerEmail: config.reportsWebPerHourPerEmail,
      apiKeyPerHour: config.reportsApiKeyPerHour,
      maxPhotos: 3,
      photoLimits: DEFAULT_PHOTO_LIMITS,
    },
  });
  await app.register(reports.routes, { openRateLimitPerMinute: config.reportsOpen311PerMinute, retentionIntervalMs: config.env === 'test' ? 0 : 3_600_000 });
  const sensors = createSensorsModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    mqtt: deps.mqtt,
    log: app.log,
    settings: { publicUrl: config.publicUrl, trustProxy: config.trustProxy, retentionIntervalMs: config.env === 'test' ? 0 : 3_600_000 },
  });
  await app.register(sensors.routes, sensors.routeOptions);
  await app.register(sensors.storageRoutes, { service: sensors.service });
  // The embedded broker: API tokens as MQTT passwords; SensorThings create topics as the only topics
  // a client may publish to (docs/standards/sensorthings.md, "MQTT").
  deps.mqtt.setAccessPolicy({ resolveToken: (token) => identity.service.resolveApiToken(token), ...sensors.mqttPolicy });
  app.addHook('onReady', sensors.start);
  app.addHook('onClose', sensors.stop);
  const parking = createParkingModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    sensors: sensors.service,
    log: app.log,
    // Tests check for stale car parks often so the event stream test need not wait 30 s.
    settings: { staleMinutes: config.parkingStaleMinutes, staleCheckMs: config.env === 'test' ? 250 : 30_000, demo: config.demoData && config.env !== 'test' },
  });
  await app.register(parking.routes, { service: parking.service, sources: parking.sources });
  app.addHook('onReady', parking.start);
  app.addHook('onClose', parking.stop);
  const waste = createWasteModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    mailer,
    sensors: sensors.service,
    log: app.log,
    settings: {
      staleHours: config.wasteStaleHours,
      alertEmail: config.wasteAlertEmail,
      publicUrl: config.publicUrl,
      depot: city.centre,
      demo: config.demoData && config.env !== 'test',
      background: config.env !== 'test',
    },
  });
  await app.register(waste.routes, { service: waste.service });
  app.addHook('onReady', waste.start);
  app.addHook('onClose', waste.stop);
  const community = createCommunityModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    mailer,
    accounts: identity.service,
    settings: {
      publicUrl: config.publicUrl,
      cityName: city.name,
      districts: city.districts,
      bbox: [city.bbox[0]!, city.bbox[1]!, city.bbox[2]!, city.bbox[3]!],
      moderation: config.communityModeration,
      registrationsPerHour: config.communityRegisterPerHour,
    },
  });
  await app.register(community.routes, community.routeOptions);
  const opendata = createOpendataModule({
    db: database.db,
    audit: audit.recorder,
    clock,
    version: VERSION,
    // Created after every module it describes: the providers read their public APIs.
    providers: platformDatasetProviders({
      publicUrl: config.publicUrl,
      clock,
      cityName: city.officialName,
      districts: city.districts,
      catalog: { ...catalog.api, referenceExport: () => catalog.service.referenceExport() },
      projects: projects.service,
      parking: parking.service,
      waste: waste.service,
      sensors: sensors.service,
      community: community.service,
    }),
    settings: {
      publicUrl: config.publicUrl,
      publisher: { name: city.officialName, email: city.contact.email, website: city.contact.website, phone: city.contact.phone },
      ars: city.ars,
      contributorIds: [`${config.publicUrl}/`],
      attribution: city.officialName,
      bbox: [city.bbox[0]!, city.bbox[1]!, city.bbox[2]!, city.bbox[3]!],
      catalogTitle: { de: `Offene Daten ${city.name}`, en: `Open data ${city.name}` },
      catalogDescription: { de: `Datenkatalog der ${city.officialName}`, en: `Data catalog of ${city.officialName}` },
      syncIntervalMs: 60_000,
    },
  });
  await app.register(opendata.routes);
  const dashboard = createDashboardModule({
    clock,
    log: app.log,
    // Each module's public reads; see DashboardSources in platform/contracts.ts.
    sources: {
      catalog: catalog.api,
      projects: projects.service,
      sensors: createObservationSeries(database.db),
      parking: parking.service,
      waste: waste.service,
      reports: { stats: reports.stats },
    },
    settings: { districts: city.districts, maxAgeMs: 5_000 },
  });
  await app.register(dashboard.routes, { service: dashboard.service });
  app.addHook('onClose', dashboard.stop);
  const geoportal = createGeoportalModule({
    clock,
    // Each module's public reads; see GeoportalSources in platform/contracts.ts.
    sources: { parking: parking.service, waste: waste.service, projects: projects.service, reports: reports.service },
    settings: {
      publicUrl: config.publicUrl,
      cityName: city.name,
      bbox: [city.bbox[0]!, city.bbox[1]!, city.bbox[2]!, city.bbox[3]!],
      districts: city.districts,
    },
  });
  await app.register(geoportal.routes, geoportal.routeOptions);

  registerOperationalRoutes(app, deps);
  await registerWeb(app, webDir, community.pageHeads);
  app.addHook('onClose', async () => {
    if ('close' in mailer && typeof mailer.close === 'function') (mailer as { close(): void }).close();
  });
  return app;
}

function registerOperationalRoutes(app: FastifyInstance, deps: AppDeps) {
  const { database, mqtt } = deps;
  const Status = Type.Object({ status: Type.String() });

  app.get('/health', { schema: { tags: ['operations'], summary: 'Liveness: the process answers.', response: { 200: Status } } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database and MQTT broker reachable.',
        response: {
          200: Type.Object({ status: Type.String(), database: Type.String(), mqtt: Type.String() }),
          503: Type.Object({ status: Type.String(), database: Type.String(), mqtt: Type.String() }),
        },
      },
    },
    async (_req, reply) => {
      const dbOk = await sql`select 1`
        .execute(database.db)
        .then(() => true)
        .catch(() => false);
      const mqttOk = mqtt.isConnected();
      const body = { status: dbOk && mqttOk ? 'ready' : 'not ready', database: dbOk ? 'ok' : 'unreachable', mqtt: mqttOk ? 'ok' : 'unreachable' };
      return reply.status(dbOk && mqttOk ? 200 : 503).send(body);
    },
  );

  app.get(
    '/api/platform',
    {
      schema: {
        tags: ['operations'],
        summary: 'Version and the endpoints of this installation (database kind, MQTT broker URL).',
        response: {
          200: Type.Object({
            name: Type.String(),
            version: Type.String(),
            database: Type.String(),
            mqtt: Type.Object({ url: Type.String(), embedded: Type.Boolean(), port: Type.Union([Type.Integer(), Type.Null()]) }),
            map: Type.Object({ styleUrl: Type.Union([Type.String(), Type.Null()], { description: 'MAP_STYLE_URL; null: the web app builds its own style' }) }),
          }),
        },
      },
    },
    async () => ({
      name: 'Confluentes',
      version: VERSION,
      database: database.kind,
      mqtt: { url: mqtt.url, embedded: mqtt.embedded, port: mqtt.port ?? null },
      map: { styleUrl: deps.config.mapStyleUrl ?? null },
    }),
  );
}
