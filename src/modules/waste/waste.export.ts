/** Pickup plan exports: CSV for the office, GPX route for the drivers' navigation devices. */
import { csvLine } from '../../platform/http/csv.js';

interface PlanStop {
  order: number;
  uid: string;
  name: string;
  kind: string;
  district: string | null;
  address: string | null;
  lat: number;
  lon: number;
  fillPct: number;
  predictedPct: number;
  reason: string;
  simulated: boolean;
}

interface Plan {
  date: string;
  depot: { lat: number; lon: number };
  distanceKm: number;
  simulated: boolean;
  stops: PlanStop[];
}

export function planCsv(plan: Plan): string {
  const header = ['order', 'uid', 'name', 'kind', 'district', 'address', 'lat', 'lon', 'fill_pct', 'predicted_pct', 'reason', 'simulated'];
  return (
    '\uFEFF' +
    csvLine(header) +
    plan.stops.map((s) => csvLine([s.order, s.uid, s.name, s.kind, s.district, s.address, s.lat, s.lon, s.fillPct, s.predictedPct, s.reason, s.simulated])).join('')
  );
}

const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function planGpx(plan: Plan): string {
  const pt = (lat: number, lon: number, name: string, desc?: string) =>
    `    <rtept lat="${lat.toFixed(6)}" lon="${lon.toFixed(6)}"><name>${xml(name)}</name>${desc ? `<desc>${xml(desc)}</desc>` : ''}</rtept>\n`;
  const label = `Leerungstour ${plan.date}${plan.simulated ? ' (simulierte Füllstände)' : ''}`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gpx version="1.1" creator="Confluentes" xmlns="http://www.topografix.com/GPX/1/1">\n' +
    `  <metadata><name>${xml(label)}</name></metadata>\n` +
    `  <rte>\n    <name>${xml(label)}</name>\n` +
    pt(plan.depot.lat, plan.depot.lon, 'Depot') +
    plan.stops.map((s) => pt(s.lat, s.lon, `${s.order}. ${s.name}`, `${s.kind}, ${s.fillPct} % (${s.reason})${s.address ? `, ${s.address}` : ''}`)).join('') +
    pt(plan.depot.lat, plan.depot.lon, 'Depot') +
    '  </rte>\n</gpx>\n'
  );
}
