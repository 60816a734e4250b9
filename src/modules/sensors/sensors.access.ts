/**
 * Who may write sensor data. `sensors:write` (API token) or a staff session with the module in
 * scope may write everything. A token may instead carry per-Thing scopes,
 * `sensors:write:thing-<id>`: it may then only create Observations in the (Multi)Datastreams of
 * those Things — the token a single station or gateway gets, so that a leaked device token cannot
 * touch the rest of the city's sensors.
 */
import { requireModuleWrite, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden } from '../../platform/http/errors.js';
import { CREATE_TOPIC } from './sensors.mqtt.js';
import type { SensorsRepository } from './sensors.repository.js';
import { invalid } from './sensors.values.js';

const THING_SCOPE = /^sensors:write:thing-(\d{1,15})$/;

/** The Things a per-Thing token may write to; empty for every other actor. */
export function scopedThings(actor: Actor): Set<number> {
  if (actor.kind !== 'token') return new Set();
  return new Set(actor.scopes.flatMap((s) => THING_SCOPE.exec(s)?.slice(1, 2).map(Number) ?? []));
}

export function mayWriteAll(actor: Actor): boolean {
  try {
    requireModuleWrite(actor, 'sensors');
    return true;
  } catch {
    return false;
  }
}

type Stream = { set: 'Datastreams' | 'MultiDatastreams'; id: number };

export function createSensorsAccess(deps: { db: Db; repo: SensorsRepository }) {
  async function thingOf(stream: Stream): Promise<number | undefined> {
    const [info] = await deps.repo.streamInfo(deps.db, stream.set, [stream.id]);
    return info ? Number(info.thing_id) : undefined;
  }

  return {
    /** Some right to write Observations (checked before a CreateObservations body is parsed). */
    requireObservationWriter(actor: Actor): void {
      if (scopedThings(actor).size === 0) requireModuleWrite(actor, 'sensors');
    },

    /** Creating an Observation in this stream. */
    async requireObservationWrite(actor: Actor, stream: Stream): Promise<void> {
      const things = scopedThings(actor);
      if (things.size === 0 || mayWriteAll(actor)) return requireModuleWrite(actor, 'sensors');
      const thing = await thingOf(stream);
      if (thing === undefined) throw invalid(`there is no ${stream.set.slice(0, -1)} with id ${stream.id}`, `body.${stream.set.slice(0, -1)}`);
      if (!things.has(thing)) {
        throw forbidden('AUTH_SCOPE_MISSING', `This API token may write Observations only for Thing(s) ${[...things].join(', ')}.`);
      }
    },

    /**
     * The embedded broker's publish rule for SensorThings topics: create topics only, with
     * `sensors:write`, or with a per-Thing scope on the topic naming one of its (Multi)Datastreams.
     */
    async mayPublish(actor: Actor | null, topic: string): Promise<boolean> {
      const m = CREATE_TOPIC.exec(topic);
      if (!m || !actor) return false;
      if (mayWriteAll(actor)) return true;
      const things = scopedThings(actor);
      if (things.size === 0 || (m[1] !== 'Datastreams' && m[1] !== 'MultiDatastreams')) return false;
      const thing = await thingOf({ set: m[1], id: Number(m[2]) });
      return thing !== undefined && things.has(thing);
    },
  };
}

export type SensorsAccess = ReturnType<typeof createSensorsAccess>;
