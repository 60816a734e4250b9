/**
 * SensorThings MQTT extension over the platform's one MQTT client.
 * Out: every create/update (HTTP, MQTT, other modules) is published on v1.1/<Set>,
 * v1.1/<Set>(<id>), v1.1/<Parent>(<id>)/<Set> and, for updates, v1.1/<Set>(<id>)/<property>.
 * In: Observations published to v1.1/Observations, v1.1/Datastreams(<id>)/Observations,
 * v1.1/MultiDatastreams(<id>)/Observations or v1.1/FeaturesOfInterest(<id>)/Observations are created:
 * by the embedded broker before it acknowledges them, from an external broker by subscription (where
 * our own notifications arrive on the same topics; they carry @iot.selfLink and are ignored).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { findNul } from '../../platform/http/nul.js';
import type { MqttHandle } from '../../platform/mqtt/broker.js';
import { isSetName, MODEL, type SetName } from './sensors.model.js';
import { presentObservation, type Json } from './sensors.presenter.js';
import type { ObservationRow, Row } from './sensors.repository.js';
import type { Change } from './sensors.writer.js';

export const MQTT_VERSION = 'v1.1';
/** Several app instances share one external broker: a shared subscription hands each message to one of them. */
const SHARED = '$share/confluentes-sensors/';
export const CREATE_TOPIC = /^v1\.1\/(?:(Datastreams|MultiDatastreams|FeaturesOfInterest)\((\d{1,15})\)\/)?Observations$/;

export interface MqttBridgeDeps {
  mqtt: MqttHandle;
  base: string;
  log: FastifyBaseLogger;
  /** Who Observations arriving through an external broker are attributed to (its ACLs decided). */
  actor: Actor;
  /** The stored entity, presented, with its row (for the foreign keys of parent topics). */
  entity(set: SetName, id: number): Promise<{ json: Json; row: Row } | undefined>;
  create(actor: Actor, parent: { set: SetName; id: number } | undefined, body: unknown): Promise<number>;
}

export function createMqttBridge(deps: MqttBridgeDeps) {
  const { mqtt, log } = deps;
  let started = false;

  /** Callers ask `mqtt.hasSubscribers` first: nobody listening means no JSON and no broker work. */
  function publish(topic: string, payload: unknown) {
    void mqtt.publish(topic, JSON.stringify(payload)).catch((err: unknown) => log.warn({ err: (err as Error).message, topic }, 'MQTT publish failed'));
  }

  /** The entity on its topic, and on each `<topic>?$select=…` variant a client subscribed to. */
  function publishTo(topic: string, entity: () => Json) {
    if (mqtt.hasSubscribers(topic)) publish(topic, entity());
    for (const variant of mqtt.queryTopics(topic)) {
      const picked = selectFrom(variant, entity());
      if (picked) publish(variant, picked);
    }
  }

  /**
   * `present` runs only when some topic has a subscriber (at most once): at thousands of
   * Observations per second, presenting each for nobody would cost more than storing it.
   */
  function publishEntity(set: SetName, id: number, present: () => Json, fks: Record<string, unknown>, changed?: string[]) {
    let presented: Json | undefined;
    const entity = () => (presented ??= present());
    publishTo(`${MQTT_VERSION}/${set}`, entity);
    publishTo(`${MQTT_VERSION}/${set}(${id})`, entity);
    for (const rel of MODEL[set].rels) {
      if (rel.kind !== 'fk') continue;
      const parent = fks[rel.column];
      if (parent !== null && parent !== undefined) publishTo(`${MQTT_VERSION}/${MODEL[rel.target].set}(${Number(parent)})/${rel.inverse}`, entity);
    }
    for (const p of changed ?? []) {
      const topic = `${MQTT_VERSION}/${set}(${id})/${p}`;
      if (mqtt.hasSubscribers(topic) && p in entity()) publish(topic, { [p]: entity()[p] });
    }
  }

  /**
   * An Observation published to a create topic. Resolves once it is committed, or when the message
   * is invalid (logged: MQTT has no reply channel); rejects only when it could not be processed now.
   */
  async function receive(actor: Actor, topic: string, payload: Buffer): Promise<void> {
    const m = CREATE_TOPIC.exec(topic);
    if (!m) return;
    const text = payload.toString('utf8');
    if (text.includes('"@iot.selfLink"')) return; // a notification, ours or another instance's
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      log.info({ topic }, 'MQTT message is not JSON; ignored');
      return;
    }
    // As over HTTP (platform/http/nul.ts): a NUL would fail the whole group commit in the database.
    const nul = findNul(body, 'payload');
    if (nul) {
      log.info({ topic, field: nul }, 'MQTT Observation rejected: NUL character');
      return;
    }
    const parent = m[1] && isSetName(m[1]) ? { set: m[1], id: Number(m[2]) } : undefined;
    try {
      await deps.create(actor, parent, body);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      log.info({ topic, err: err.message }, 'MQTT Observation rejected');
    }
  }

  const onMessage = (topic: string, payload: Buffer) => {
    receive(deps.actor, topic, payload).catch((err: unknown) => log.warn({ topic, err: (err as Error).message }, 'MQTT Observation not stored'));
  };

  return {
    receive,
    /**
     * With an external broker: subscribe to the create topics. The embedded broker hands messages
     * to `receive` itself before it acknowledges them (platform/mqtt/access.ts), so there the
     * platform's client does not subscribe — and does not get its own notifications back.
     */
    async start() {
      if (started || mqtt.embedded) return;
      started = true;
      mqtt.client.on('message', onMessage);
      await mqtt.client.subscribeAsync([`${SHARED}v1.1/Observations`, `${SHARED}v1.1/+/Observations`], { qos: 1 });
    },
    async stop() {
      if (!started) return;
      started = false;
      mqtt.client.off('message', onMessage);
      if (mqtt.client.connected) await mqtt.client.unsubscribeAsync([`${SHARED}v1.1/Observations`, `${SHARED}v1.1/+/Observations`]).catch(() => undefined);
    },

    /** Changes from a committed transaction: re-read each entity so subscribers see what is stored. */
    changes(changes: Change[]) {
      const work = async () => {
        for (const c of changes) {
          try {
            // Undefined when deleted again before we published: nothing to announce.
            const found = await deps.entity(c.set, c.id);
            if (found) publishEntity(c.set, c.id, () => found.json, found.row, c.action === 'update' ? c.changed : undefined);
          } catch (err) {
            log.warn({ err: (err as Error).message }, 'MQTT notification failed');
          }
        }
      };
      void work();
    },

    /** Observations from group commit: presented from the inserted rows, no re-read. */
    observations(rows: (ObservationRow & { id: number })[]) {
      for (const r of rows) {
        publishEntity('Observations', r.id, () => presentObservation(r.id, r, deps.base), {
          datastream_id: r.datastreamId,
          multi_datastream_id: r.multiDatastreamId,
          feature_of_interest_id: r.featureOfInterestId,
        });
      }
    },
  };
}

export type MqttBridge = ReturnType<typeof createMqttBridge>;

/**
 * The properties a `…?$select=a,b` topic asks for, or undefined when the topic carries another query
 * option (not served: only $select is defined for MQTT) or names nothing the entity has.
 */
export function selectFrom(topic: string, entity: Json): Json | undefined {
  const params = new URLSearchParams(topic.slice(topic.indexOf('?') + 1));
  const keys = [...params.keys()];
  if (keys.length !== 1 || keys[0] !== '$select') return undefined;
  const names = params.get('$select')!.split(',').map((n) => n.trim());
  const picked: Json = {};
  for (const n of names) if (n in entity) picked[n] = entity[n];
  return Object.keys(picked).length ? picked : undefined;
}
