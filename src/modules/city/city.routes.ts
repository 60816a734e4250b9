import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CityProfileSchema, type CityProfile } from '../../platform/city.js';

export const cityRoutes: FastifyPluginAsyncTypebox<{ profile: CityProfile }> = async (app, { profile }) => {
  app.get(
    '/api/city',
    {
      schema: {
        tags: ['city'],
        summary: 'The city profile: names, keys (Gemeindeschlüssel, ARS), centre, languages, colours and Stadtteile.',
        response: { 200: CityProfileSchema },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return profile;
    },
  );
};
