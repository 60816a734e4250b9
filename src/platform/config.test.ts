import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  test('zero configuration gives the embedded defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.mqttUrl, undefined);
    assert.equal(c.mqttPort, 1883);
    assert.equal(c.cityProfile, 'koblenz');
    assert.ok(Object.isFrozen(c));
  });

  test('every bad variable is named, all at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MQTT_PORT: '70000', DEMO_DATA: 'maybe', LOG_LEVEL: 'loud' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        const text = err.message;
        for (const name of ['PORT', 'DATABASE_URL', 'MQTT_PORT', 'DEMO_DATA', 'LOG_LEVEL']) assert.match(text, new RegExp(`${name}:`));
        return true;
      },
    );
  });

  test('PUBLIC_URL loses its trailing slash and must be http(s)', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://daten.koblenz.de/' }).publicUrl, 'https://daten.koblenz.de');
    assert.throws(() => loadConfig({ PUBLIC_URL: 'ftp://x' }), /PUBLIC_URL/);
  });
});
