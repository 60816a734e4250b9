/** OpenAPI 3.1 generated from the route schemas, at /api/openapi.json, browsable at /api/docs (assets served locally). */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { CityProfile } from '../city.js';

export async function registerOpenApi(app: FastifyInstance, options: { version: string; city: CityProfile }) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `Confluentes – ${options.city.officialName}`,
        version: options.version,
        description:
          'Open urban data and transparency platform. Errors of the platform APIs are RFC 9457 problem+json ' +
          'naming the field; the standards (SensorThings, Open311, CKAN) answer in their own error formats.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cf_session', description: 'Staff session after password and TOTP; writes need X-CSRF-Token.' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (cft_…) for devices and integrations.' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The page needs one inline style block of its own; everything else stays 'self'.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    uiConfig: { deepLinking: true, tryItOutEnabled: false },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
