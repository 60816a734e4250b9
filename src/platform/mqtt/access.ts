/**
 * Who may do what on the embedded broker. Anyone may connect without credentials and subscribe
 * (SensorThings reads are public); a client that sends credentials must send a valid API token as
 * the password (any user name, e.g. the device's), or it is refused with "bad user name or
 * password". Publishing is decided per topic by the policy the app installs once its modules exist
 * (`setPolicy`); until then, and for topics no module claims, only the platform's own client may
 * publish — so nobody can forge the platform's notifications. An allowed message is handed to the
 * policy (`received`) before it is acknowledged, so what it stores is durable when the device hears
 * PUBACK.
 *
 * An external broker (MQTT_URL) enforces its own ACLs; see docs/standards/sensorthings.md.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AedesOptions, AuthenticateError } from 'aedes';
import type { Actor } from '../auth/actor.js';

export interface MqttAccessPolicy {
  /** The actor an API token belongs to; undefined when the token is unknown, revoked or expired. */
  resolveToken(token: string): Promise<Actor | undefined>;
  /** Whether this publisher (null: connected without credentials) may publish to the topic. */
  mayPublish(actor: Actor | null, topic: string): Promise<boolean>;
  /**
   * Handles an allowed message before the broker acknowledges it (PUBACK for QoS 1) and passes it
   * on: what a module stores here is committed before the publisher hears "received". A rejection
   * means "could not process now" (the database is down …): the broker then closes the connection
   * without an acknowledgement, so the device sends the message again.
   */
  received(actor: Actor | null, topic: string, payload: Buffer): Promise<void>;
}

export const INTERNAL_USERNAME = 'confluentes-platform';

const BAD_CREDENTIALS = 4;

function refusal(message: string): AuthenticateError {
  return Object.assign<Error, Pick<AuthenticateError, 'returnCode'>>(new Error(message), { returnCode: BAD_CREDENTIALS });
}

export function createMqttAccess() {
  // The platform's client proves itself with a secret that lives only in this process.
  const secret = randomBytes(32);
  const internalPassword = secret.toString('base64url');
  let policy: MqttAccessPolicy | undefined;
  /** Per connection: the platform's own client, or the actor its token resolved to (absent: anonymous). */
  const identities = new WeakMap<object, 'internal' | Actor>();

  const isInternal = (username: string | undefined, password: Buffer | undefined) => {
    if (username !== INTERNAL_USERNAME || !password) return false;
    const given = Buffer.from(password.toString('utf8'), 'utf8');
    const expected = Buffer.from(internalPassword, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const brokerOptions: AedesOptions = {
    authenticate(client, username, password, done) {
      if (isInternal(username, password)) {
        identities.set(client, 'internal');
        return done(null, true);
      }
      if (username === undefined && password === undefined) return done(null, true);
      const token = password?.toString('utf8') ?? '';
      if (!policy || !token) return done(refusal('credentials need an API token as the password'), false);
      policy.resolveToken(token).then(
        (actor) => {
          if (!actor) return done(refusal('unknown, revoked or expired API token'), false);
          identities.set(client, actor);
          done(null, true);
        },
        () => done(refusal('the token could not be checked'), false),
      );
    },
    authorizePublish(client, packet, done) {
      // A null client is the broker itself (will messages, $SYS).
      if (!client) return done(null);
      const who = identities.get(client);
      if (who === 'internal') return done(null);
      if (packet.topic.startsWith('$SYS')) return done(new Error('$SYS topics are the broker’s'));
      if (!policy) return done(new Error('publishing is not open yet'));
      const current = policy;
      const actor = who ?? null;
      current
        .mayPublish(actor, packet.topic)
        .then(async (ok) => {
          if (!ok) throw new Error(`not allowed to publish to ${packet.topic}`);
          await current.received(actor, packet.topic, packet.payload as Buffer);
        })
        .then(
          () => done(null),
          (err: unknown) => done(err as Error),
        );
    },
  };

  return {
    brokerOptions,
    /** Credentials for the platform's own client on the embedded broker. */
    internalCredentials: { username: INTERNAL_USERNAME, password: internalPassword },
    setPolicy: (p: MqttAccessPolicy) => {
      policy = p;
    },
  };
}

export type MqttAccess = ReturnType<typeof createMqttAccess>;
