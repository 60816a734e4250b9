/**
 * HTTP binding of SensorThings at /sta/v1.1 and /sta/v1.0. Paths are SensorThings resource paths
 * (Things(1)/Datastreams), so one wildcard route per method hands them to the service. Errors use
 * FROST's shape {code, type, message} in this plugin scope.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { prepareRepresentation, sendRepresentation } from '../../platform/http/representation.js';
import type { VersionedCache } from '../../platform/http/versioned-cache.js';
import { QueryError } from './filter/ast.js';
import { runBatch } from './sensors.batch.js';
import { SET_NAMES } from './sensors.model.js';
import { NotImplementedOption } from './sensors.query.js';
import type { SensorsService } from './sensors.service.js';

export interface SensorsRouteOptions {
  service: SensorsService;
  readCache: VersionedCache<string>;
  publicUrl: string;
  trustProxy: boolean;
  mqttEndpoints: string[];
}

const VERSIONS = ['v1.1', 'v1.0'] as const;
const SPEC = 'http://www.opengis.net/spec/iot_sensing/1.1/req';
export const CONFORMANCE = [
  `${SPEC}/datamodel`,
  `${SPEC}/resource-path/resource-path-to-entities`,
  `${SPEC}/request-data`,
  `${SPEC}/create-update-delete`,
  `${SPEC}/multi-datastream`,
  `${SPEC}/data-array/data-array`,
  `${SPEC}/batch-request/batch-request`,
  `${SPEC}/create-observations-via-mqtt/observations-creation`,
  `${SPEC}/receive-updates-via-mqtt/receive-updates`,
];

function staError(error: unknown): { status: number; message: string } {
  if (error instanceof QueryError) {
    const at = error.position !== undefined && !error.message.includes('position') ? ` (position ${error.position})` : '';
    return { status: 400, message: `Invalid ${error.option}: ${error.message}${at}` };
  }
  if (error instanceof NotImplementedOption) return { status: 501, message: error.message };
  if (error instanceof AppError) {
    const field = error.errors[0]?.field;
    return { status: error.status, message: field && !error.message.includes(field) ? `${error.message} (${field})` : error.message };
  }
  const fe = error as { statusCode?: number; message?: string };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, message: fe.message ?? 'Bad request' };
  return { status: 500, message: 'An internal error occurred.' };
}

export async function sensorsRoutes(app: FastifyInstance, opts: SensorsRouteOptions) {
  const { service } = opts;

  app.setErrorHandler((error, request, reply) => {
    const { status, message } = staError(error);
    if (status >= 500) request.log.error({ err: error }, 'SensorThings request failed');
    if (error instanceof AppError) void reply.headers(error.headers);
    return reply.status(status).type('application/json; charset=utf-8').send({ code: status, type: 'error', message });
  });
  app.addContentTypeParser('application/json-patch+json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (err) {
      done(Object.assign(err as Error, { statusCode: 400 }), undefined);
    }
  });

  function base(request: FastifyRequest, version: string): string {
    let root = opts.publicUrl;
    if (opts.trustProxy && request.headers['x-forwarded-host']) {
      const prefix = String(request.headers['x-forwarded-prefix'] ?? '').replace(/\/+$/, '');
      root = `${request.protocol}://${request.host}${prefix}`;
    }
    return `${root}/sta/${version}`;
  }

  function split(request: FastifyRequest, version: string): { path: string; params: [string, string][] } {
    const url = request.url;
    const q = url.indexOf('?');
    const pathPart = (q < 0 ? url : url.slice(0, q)).slice(`/sta/${version}`.length).replace(/^\/+/, '');
    return { path: pathPart, params: q < 0 ? [] : [...new URLSearchParams(url.slice(q + 1))] };
  }

  const send = (reply: FastifyReply, status: number, body: unknown) => reply.status(status).type('application/json; charset=utf-8').send(body);

  for (const version of VERSIONS) {
    const root = (request: FastifyRequest, reply: FastifyReply) => {
      const b = base(request, version);
      const settings: Record<string, unknown> = { conformance: CONFORMANCE };
      for (const c of CONFORMANCE.filter((x) => x.includes('mqtt'))) settings[c] = { endpoints: opts.mqttEndpoints };
      return send(reply, 200, { value: SET_NAMES.map((name) => ({ name, url: `${b}/${name}` })), serverSettings: settings });
    };
    app.get(`/sta/${version}`, { schema: { hide: true } }, async (request, reply) => root(request, reply));

    app.get(`/sta/${version}/*`, { schema: { hide: true } }, async (request, reply) => {
      const { path, params } = split(request, version);
      if (path === '') return root(request, reply);
      const b = base(request, version);
      const read = async () => {
        const result = await service.read(path, params, b);
        if (result.kind === 'empty') return null;
        return result.kind === 'text'
          ? prepareRepresentation(result.body, 'text/plain; charset=utf-8')
          : prepareRepresentation(JSON.stringify(result.body), 'application/json; charset=utf-8');
      };
      // now() makes an answer depend on the moment, not only on the data: never cached.
      const rep = /now\(/i.test(request.url) ? await read() : (await opts.readCache.remember(`${b} ${request.url}`, read)).value;
      if (!rep) return reply.status(204).send();
      return sendRepresentation(request, reply, rep);
    });

    app.post(`/sta/${version}/*`, { schema: { hide: true } }, async (request, reply) => {
      const { path } = split(request, version);
      const b = base(request, version);
      if (path === 'CreateObservations') return send(reply, 201, await service.createObservations(request.actor, request.body, b));
      if (path === '$batch') return send(reply, 200, await runBatch(app, request, version));
      const created = await service.create(request.actor, path, request.body, b);
      return reply.status(201).header('location', created.location).type('application/json; charset=utf-8').send(created.body);
    });

    app.patch(`/sta/${version}/*`, { schema: { hide: true } }, async (request, reply) => {
      const { path } = split(request, version);
      const jsonPatch = String(request.headers['content-type'] ?? '').startsWith('application/json-patch+json');
      return send(reply, 200, await service.update(request.actor, path, request.body, jsonPatch ? 'json-patch' : 'patch', base(request, version)));
    });

    app.put(`/sta/${version}/*`, { schema: { hide: true } }, async (request, reply) => {
      const { path } = split(request, version);
      return send(reply, 200, await service.update(request.actor, path, request.body, 'put', base(request, version)));
    });

    app.delete(`/sta/${version}/*`, { schema: { hide: true } }, async (request, reply) => {
      const { path } = split(request, version);
      await service.remove(request.actor, path);
      return reply.status(200).send();
    });
  }
}
