import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { filterMatches } from './subscriptions.js';

describe('MQTT topic filters', () => {
  test('+ is one level, # the rest, $share is stripped, $ topics need an explicit first level', () => {
    assert.ok(filterMatches('v1.1/Observations', 'v1.1/Observations'));
    assert.ok(filterMatches('v1.1/+/Observations', 'v1.1/Datastreams(3)/Observations'));
    assert.ok(!filterMatches('v1.1/+/Observations', 'v1.1/Observations'));
    assert.ok(filterMatches('v1.1/#', 'v1.1/Things(1)/name'));
    assert.ok(filterMatches('#', 'v1.1/Things'));
    assert.ok(!filterMatches('#', '$SYS/broker/uptime'));
    assert.ok(!filterMatches('+/broker/uptime', '$SYS/broker/uptime'));
    assert.ok(filterMatches('$share/group/v1.1/+/Observations', 'v1.1/Datastreams(3)/Observations'));
    assert.ok(!filterMatches('v1.1/Things', 'v1.1/Things(1)'));
    assert.ok(filterMatches('v1.1/Things?$select=name', 'v1.1/Things?$select=name'));
  });
});
