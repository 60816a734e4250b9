/**
 * Demo data: a few environment stations at real places in Koblenz with 24 hours of readings.
 * Every value is simulated and says so (Thing/Datastream properties.simulated, Observation
 * parameters.simulated), as the platform requires for demo data.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { DemoSeed } from '../../platform/db/seeds.js';
import { MODEL } from './sensors.model.js';
import { createSensorsRepository } from './sensors.repository.js';
import { createWriter, type WriteCtx } from './sensors.writer.js';

const STATIONS = [
  { name: 'Umweltmessstation Zentralplatz', lon: 7.5966, lat: 50.3597, base: 14 },
  { name: 'Umweltmessstation Deutsches Eck', lon: 7.606, lat: 50.3644, base: 13 },
  { name: 'Umweltmessstation Hauptbahnhof', lon: 7.5886, lat: 50.3508, base: 15 },
];

const QUANTITIES = [
  { key: 'Lufttemperatur', unit: { name: 'Grad Celsius', symbol: '°C', definition: 'http://unitsofmeasure.org/ucum.html#Cel' }, def: 'http://vocab.nerc.ac.uk/collection/P07/current/CFSN0023/', amp: 5 },
  { key: 'Stickstoffdioxid', unit: { name: 'Mikrogramm pro Kubikmeter', symbol: 'µg/m³', definition: 'http://unitsofmeasure.org/ucum.html#ug/m3' }, def: 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/8', amp: 12 },
  { key: 'Feinstaub PM10', unit: { name: 'Mikrogramm pro Kubikmeter', symbol: 'µg/m³', definition: 'http://unitsofmeasure.org/ucum.html#ug/m3' }, def: 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5', amp: 8 },
];

export const sensorsDemoSeed: DemoSeed = {
  module: 'sensors',
  async run(trx) {
    const repo = createSensorsRepository();
    // Demo data is not a staff change: it is not audited.
    const writer = createWriter({ repo, audit: { record: async () => undefined } });
    const now = new Date();
    const ctx: WriteCtx = { trx, actor: systemActor('demo-seed'), now, changes: [], movedThings: new Set() };
    const sensor = await writer.create(ctx, MODEL.Sensors, {
      name: 'Simulierter Umweltsensor',
      description: 'Simulierter Multisensor für Demonstrationszwecke (keine echten Messwerte).',
      encodingType: 'text/html',
      metadata: 'https://www.koblenz.de/',
      properties: { simulated: true },
    });
    const ops: number[] = [];
    for (const q of QUANTITIES) {
      ops.push(await writer.create(ctx, MODEL.ObservedProperties, { name: q.key, definition: q.def, description: `${q.key} (Demo)` }));
    }
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const s of STATIONS) {
      const thing = await writer.create(ctx, MODEL.Things, {
        name: `${s.name} (simuliert)`,
        description: 'Demo-Messstation mit simulierten Werten',
        properties: { assetID: `KO-UM-${ops.length}-${s.lat}`, keywords: ['Umwelt', 'Luft', 'Demo'], language: 'de', ownerThing: 'Stadt Koblenz', simulated: true },
        Locations: [{ name: s.name, description: `Standort ${s.name}`, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [s.lon, s.lat] } }],
      });
      for (let i = 0; i < QUANTITIES.length; i++) {
        const q = QUANTITIES[i]!;
        const ds = await writer.create(ctx, MODEL.Datastreams, {
          name: `${q.key} ${s.name} (simuliert)`,
          description: `Stündliche simulierte Werte: ${q.key}`,
          observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
          unitOfMeasurement: q.unit,
          properties: { serviceName: 'KO_STA_Umweltsensoren', layerName: q.key.replace(/\s+/g, '_'), topic: 'Umwelt und Klima', ownerData: 'Stadt Koblenz', resultNature: 'primary', mediaMonitored: 'air', simulated: true },
          Thing: { '@iot.id': thing },
          Sensor: { '@iot.id': sensor },
          ObservedProperty: { '@iot.id': ops[i] },
        });
        for (let h = 24; h >= 1; h--) {
          const t = new Date(now.getTime() - h * 3_600_000);
          const value = Math.round((s.base * (i === 0 ? 1 : 2) + q.amp * Math.sin((t.getUTCHours() / 24) * 2 * Math.PI) + random() * 2) * 10) / 10;
          await writer.create(ctx, MODEL.Observations, { phenomenonTime: t.toISOString(), resultTime: t.toISOString(), result: value, parameters: { simulated: true }, Datastream: { '@iot.id': ds } });
        }
        await repo.recomputeStreamTimes(trx, 'datastream_id', MODEL.Datastreams.table, ds);
      }
    }
    await writer.finish(ctx);
  },
};
