/**
 * Koblenz demo: the public car parks named in the city's parking guidance system material.
 * Capacities are those found in public sources; where none was found the number is an estimate and
 * `capacity_estimated` says so. Coordinates other than Löhr-Center and DB P1 are approximate.
 * Occupancy values for these car parks are simulated and labelled as such.
 */
import type { DemoSeed } from '../../platform/db/seeds.js';
import { createParkingRepository, type NewSite } from './parking.repository.js';
import { characterOf, simulateFree } from './parking.simulator.js';
import { hourOfWeek } from './parking.time.js';

const site = (s: Partial<NewSite> & Pick<NewSite, 'uid' | 'name' | 'type' | 'lat' | 'lon' | 'capacity' | 'capacity_estimated'>): NewSite => ({
  operator_name: null,
  address: null,
  description: null,
  opening_hours: null,
  has_fee: true,
  fee_description: null,
  max_height_cm: null,
  accessible_spaces: null,
  ev_chargers: null,
  entrances: [],
  public_url: null,
  simulated: true,
  ...s,
});

export const KOBLENZ_CAR_PARKS: NewSite[] = [
  site({
    uid: 'koblenz-loehr-center',
    name: 'Parkhaus Löhr-Center',
    type: 'CAR_PARK',
    operator_name: 'ECE',
    address: 'Hohenfelder Straße, 56068 Koblenz',
    description: '3 Parkdecks. Einfahrt Hohenfelder Straße, Ausfahrt Am Wöllershof.',
    lat: 50.35861,
    lon: 7.59083,
    capacity: 1400,
    capacity_estimated: false,
    entrances: [
      { name: 'Einfahrt Hohenfelder Straße', lat: 50.3589, lon: 7.5901 },
      { name: 'Ausfahrt Am Wöllershof', lat: 50.3581, lon: 7.5913 },
    ],
  }),
  site({
    uid: 'koblenz-forum-mittelrhein',
    name: 'Parkhaus Forum Mittelrhein',
    type: 'CAR_PARK',
    operator_name: 'ECE',
    address: 'Zentralplatz, 56068 Koblenz',
    description: 'Drei Parkebenen auf dem Dach des Forum Mittelrhein (etwa 750 Stellplätze). Einfahrt Luisenstraße.',
    lat: 50.3597,
    lon: 7.5962,
    capacity: 750,
    capacity_estimated: true,
    entrances: [{ name: 'Einfahrt Luisenstraße', lat: 50.3593, lon: 7.5958 }],
  }),
  site({ uid: 'koblenz-altloehrtor', name: 'Parkhaus Altlöhrtor', type: 'CAR_PARK', address: 'Friedrich-Ebert-Ring, 56068 Koblenz', lat: 50.359, lon: 7.594, capacity: 600, capacity_estimated: true }),
  site({ uid: 'koblenz-schaengel-center', name: 'Parkhaus Schängel-Center', type: 'CAR_PARK', address: 'Zentralplatz, 56068 Koblenz', lat: 50.3604, lon: 7.596, capacity: 400, capacity_estimated: true }),
  site({ uid: 'koblenz-goerresplatz', name: 'Tiefgarage Görresplatz', type: 'UNDERGROUND', address: 'Görresplatz, 56068 Koblenz', lat: 50.3586, lon: 7.5977, capacity: 300, capacity_estimated: true }),
  site({
    uid: 'koblenz-rhein-mosel-halle',
    name: 'Parkhaus Rhein-Mosel-Halle',
    type: 'CAR_PARK',
    operator_name: 'B+B Parkhaus GmbH & Co. KG',
    address: 'Julius-Wegeler-Straße, 56068 Koblenz',
    lat: 50.3547,
    lon: 7.604,
    capacity: 500,
    capacity_estimated: true,
  }),
  site({
    uid: 'koblenz-deutsches-eck',
    name: 'Parkplatz Deutsches Eck',
    type: 'OFF_STREET_PARKING_GROUND',
    address: 'Deutsches Eck, 56068 Koblenz',
    fee_description: 'gebührenpflichtig 8–22 Uhr, bis 21 € pro Tag',
    lat: 50.3637,
    lon: 7.6035,
    capacity: 400,
    capacity_estimated: true,
  }),
  site({
    uid: 'koblenz-peter-altmeier-ufer',
    name: 'Parkplatz Peter-Altmeier-Ufer',
    type: 'OFF_STREET_PARKING_GROUND',
    address: 'Peter-Altmeier-Ufer, 56068 Koblenz',
    description: 'Mit Überkopf-Sensoren und Anzeigetafeln, auch für Behindertenparkplätze.',
    lat: 50.362,
    lon: 7.6,
    capacity: 200,
    capacity_estimated: true,
  }),
  site({
    uid: 'koblenz-db-p1-ehrenbreitstein',
    name: 'P1 Bahnhof Koblenz-Ehrenbreitstein',
    type: 'OFF_STREET_PARKING_GROUND',
    operator_name: 'Contipark',
    address: 'Hofstraße, 56077 Koblenz',
    opening_hours: '24/7',
    lat: 50.361916,
    lon: 7.610623,
    capacity: 60,
    capacity_estimated: false,
  }),
];

/** Hour-of-week sums over `weeks` simulated weeks before `end` (15-minute steps). */
export function simulatedHourly(s: { uid: string; name: string; capacity: number }, end: Date, weeks: number) {
  const sums = new Map<number, { how: number; samples: number; sumFree: number; sumRate: number }>();
  const character = characterOf(s.name);
  for (let t = end.getTime() - weeks * 7 * 86_400_000; t < end.getTime(); t += 15 * 60_000) {
    const at = new Date(t);
    const free = simulateFree({ uid: s.uid, capacity: s.capacity, character }, at);
    const how = hourOfWeek(at);
    const e = sums.get(how) ?? { how, samples: 0, sumFree: 0, sumRate: 0 };
    e.samples += 1;
    e.sumFree += free;
    e.sumRate += s.capacity > 0 ? ((s.capacity - free) / s.capacity) * 100 : 0;
    sums.set(how, e);
  }
  return [...sums.values()];
}

/** Stores the car parks (their SensorThings Things are created when the app starts) and six simulated weeks of profile. */
export const parkingDemoSeed: DemoSeed = {
  module: 'parking',
  async run(trx) {
    const repo = createParkingRepository();
    const now = new Date();
    for (const s of KOBLENZ_CAR_PARKS) {
      const id = await repo.insert(trx, s);
      await repo.replaceHourly(trx, id, simulatedHourly(s, now, 6));
    }
  },
};
