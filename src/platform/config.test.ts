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

  test('Schadensmelder limits: per e-mail defaults to a third of per IP; every limit is checked', () => {
    const d = loadConfig({});
    assert.deepEqual([d.reportsWebPerHour, d.reportsWebPerHourPerEmail, d.reportsOpen311PerMinute, d.reportsApiKeyPerHour], [10, 3, 600, 1000]);
    assert.equal(loadConfig({ REPORTS_WEB_PER_HOUR: '2' }).reportsWebPerHourPerEmail, 1);
    assert.equal(loadConfig({ REPORTS_WEB_PER_HOUR: '30', REPORTS_WEB_PER_HOUR_PER_EMAIL: '25' }).reportsWebPerHourPerEmail, 25);
    assert.throws(
      () => loadConfig({ REPORTS_WEB_PER_HOUR_PER_EMAIL: '0', REPORTS_OPEN311_PER_MINUTE: 'many', REPORTS_API_KEY_PER_HOUR: '-5' }),
      /REPORTS_WEB_PER_HOUR_PER_EMAIL: must be between 1 and 100000[\s\S]*REPORTS_OPEN311_PER_MINUTE: must be a whole number[\s\S]*REPORTS_API_KEY_PER_HOUR: must be a whole number/,
    );
  });

  test('MAP_STYLE_URL is a path on this origin (the CSP allows no other host)', () => {
    assert.equal(loadConfig({}).mapStyleUrl, undefined);
    assert.equal(loadConfig({ MAP_STYLE_URL: '/basemap/style.json' }).mapStyleUrl, '/basemap/style.json');
    for (const bad of ['https://tiles.example.org/style.json', '//tiles.example.org/style.json', 'style.json']) {
      assert.throws(() => loadConfig({ MAP_STYLE_URL: bad }), /MAP_STYLE_URL: must be a path/);
    }
  });
});
