/**
 * Koblenz demo data. The seven cultural institutions named in the Smart City strategy are real; their
 * entries carry only what is certain (name, and address and position where known) — the institutions
 * complete them themselves. The 15 clubs and every event are invented and marked demo = true, and
 * their descriptions say so. Events are placed relative to the day the seed runs, so the calendar
 * always has upcoming dates, including weekly series across a change of daylight saving.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { localInstant, localParts } from '../../platform/time.js';
import { firstDateOf } from './community.recurrence.js';
import type { Category } from './community.model.js';
import { createCommunityRepository } from './community.repository.js';
import { createCommunityService, type EventInput, type OrganisationInput } from './community.service.js';

const NO_AUDIT: AuditRecorder = { record: async () => undefined };
const DEMO = 'Demodaten: erfundener Eintrag zur Vorführung der Plattform.';

interface DemoOrganisation extends OrganisationInput {
  key: string;
  demo: boolean;
}

/** The cultural institutions of the seed (Kulturhaus-Koblenz network). */
const INSTITUTIONS: DemoOrganisation[] = [
  {
    key: 'ludwig',
    demo: false,
    name: 'Ludwig Museum Koblenz',
    category: 'culture',
    description: 'Museum für zeitgenössische Kunst im Deutschherrenhaus am Deutschen Eck.',
    district: 'altstadt',
    address: 'Danziger Freiheit 1, 56068 Koblenz',
    location: { lat: 50.3632, lon: 7.6043 },
    languages: ['de'],
  },
  {
    key: 'mittelrhein',
    demo: false,
    name: 'Mittelrhein-Museum',
    category: 'culture',
    description: 'Kunst- und Kulturgeschichte des Mittelrheins im Forum Confluentes.',
    district: 'altstadt',
    address: 'Zentralplatz 1, 56068 Koblenz',
    location: { lat: 50.3598, lon: 7.5957 },
    languages: ['de'],
  },
  {
    key: 'bibliothek',
    demo: false,
    name: 'Stadtbibliothek Koblenz',
    category: 'education',
    description: 'Die Stadtbibliothek im Forum Confluentes.',
    district: 'altstadt',
    address: 'Zentralplatz 1, 56068 Koblenz',
    location: { lat: 50.3597, lon: 7.5959 },
    languages: ['de'],
  },
  {
    key: 'theater',
    demo: false,
    name: 'Theater Koblenz',
    category: 'culture',
    description: 'Das Stadttheater am Deinhardplatz.',
    district: 'altstadt',
    address: 'Deinhardplatz, 56068 Koblenz',
    location: { lat: 50.3586, lon: 7.5986 },
    languages: ['de'],
  },
  { key: 'musikschule', demo: false, name: 'Musikschule der Stadt Koblenz', category: 'music', description: 'Die städtische Musikschule.', languages: ['de'] },
  { key: 'vhs', demo: false, name: 'Volkshochschule Koblenz', category: 'education', description: 'Die Volkshochschule der Stadt Koblenz.', languages: ['de'] },
  { key: 'kulturverwaltung', demo: false, name: 'Kultur- und Schulverwaltung der Stadt Koblenz', category: 'culture', description: 'Das Amt der Stadtverwaltung für Kultur und Schulen.', languages: ['de'] },
];

/** Approximate district centres (from the city profile) for the invented clubs. */
const PLACES: Record<string, [number, number]> = {
  metternich: [50.3697, 7.5578],
  guels: [50.3445, 7.5654],
  lay: [50.3305, 7.5496],
  karthause: [50.3364, 7.5825],
  ehrenbreitstein: [50.3629, 7.6199],
  pfaffendorf: [50.3503, 7.6123],
  horchheim: [50.3321, 7.6053],
  lutzel: [50.3733, 7.5958],
  neuendorf: [50.3810, 7.5850],
  wallersheim: [50.3883, 7.5708],
  ruebenach: [50.3753, 7.5100],
  arzheim: [50.3419, 7.6339],
  moselweiss: [50.3531, 7.5717],
  sued: [50.3516, 7.5932],
  rauental: [50.3600, 7.5757],
};
const DISTRICT_OF: Record<string, string> = { karthause: 'karthause-nord', lutzel: 'luetzel' };

const club = (key: string, name: string, category: Category, place: string, description: string, extra: Partial<OrganisationInput> = {}): DemoOrganisation => ({
  key,
  demo: true,
  name,
  category,
  description: `${description} ${DEMO}`,
  district: DISTRICT_OF[place] ?? place,
  location: { lat: PLACES[place]![0], lon: PLACES[place]![1] },
  languages: ['de'],
  ...extra,
});

const CLUBS: DemoOrganisation[] = [
  club('tus-metternich', 'TuS Metternich (Demo)', 'sport', 'metternich', 'Breitensport von Kinderturnen bis Seniorengymnastik.', { membershipFees: 'Erwachsene 8 € im Monat, Kinder 5 €', openingTimes: 'Training Di und Do ab 17 Uhr', accessibility: 'Halle stufenlos erreichbar, barrierefreies WC' }),
  club('rudern-guels', 'Ruderverein Güls (Demo)', 'sport', 'guels', 'Rudern auf der Mosel für alle ab 12 Jahren.', { membershipFees: '120 € im Jahr' }),
  club('chor-lay', 'Gemischter Chor Lay (Demo)', 'music', 'lay', 'Chorgesang von Klassik bis Pop.', { openingTimes: 'Probe mittwochs 19:30 Uhr' }),
  club('blasorchester-karthause', 'Blasorchester Karthause (Demo)', 'music', 'karthause', 'Blasmusik und Jugendorchester.', { accessibility: 'Proberaum im Erdgeschoss, stufenlos' }),
  club('heimatverein-ehrenbreitstein', 'Heimatverein Ehrenbreitstein (Demo)', 'culture', 'ehrenbreitstein', 'Ortsgeschichte, Führungen und Archiv.'),
  club('karneval-pfaffendorf', 'Karnevalsgesellschaft Pfaffendorf (Demo)', 'culture', 'pfaffendorf', 'Sitzungen, Garde und Umzug.'),
  club('nachbarschaft-horchheim', 'Nachbarschaftshilfe Horchheim (Demo)', 'social', 'horchheim', 'Einkaufshilfe, Fahrdienst und Besuche.', { languages: ['de', 'en', 'tr'] }),
  club('jugendtreff-luetzel', 'Jugendtreff Lützel (Demo)', 'youth', 'lutzel', 'Offener Treff für 10- bis 18-Jährige.', { languages: ['de', 'ar', 'uk'], accessibility: 'Rampe am Eingang' }),
  club('senioren-neuendorf', 'Seniorenkreis Neuendorf (Demo)', 'seniors', 'neuendorf', 'Kaffee, Spiele und Ausflüge.', { accessibility: 'Barrierefrei, Hörschleife' }),
  club('naturschutz-wallersheim', 'Naturschutzgruppe Wallersheim (Demo)', 'environment', 'wallersheim', 'Streuobstwiesen, Nistkästen und Müllsammelaktionen.'),
  club('lernpaten-ruebenach', 'Lernpaten Rübenach (Demo)', 'education', 'ruebenach', 'Hausaufgabenhilfe durch Ehrenamtliche.'),
  club('kirchenmusik-arzheim', 'Förderverein Kirchenmusik Arzheim (Demo)', 'religion', 'arzheim', 'Konzerte in der Pfarrkirche.'),
  club('schach-moselweiss', 'Schachclub Moselweiß (Demo)', 'sport', 'moselweiss', 'Schach für Jung und Alt.', { openingTimes: 'Spielabend freitags ab 19 Uhr' }),
  club('repair-sued', 'Repair-Café Koblenz-Süd (Demo)', 'environment', 'sued', 'Reparieren statt wegwerfen.'),
  club('kulturcafe-rauental', 'Kulturcafé Rauental (Demo)', 'social', 'rauental', 'Lesungen, Musik und Begegnung im Quartier.', { languages: ['de', 'en', 'fr'] }),
];

/** The instant of a local wall-clock time (Europe/Berlin) `days` days after the local day of `base`. */
function at(base: Date, days: number, time: string): Date {
  const p = localParts(base);
  const [hour, minute] = time.split(':').map(Number);
  return localInstant(p.year, p.month, p.day + days, hour, minute);
}

/**
 * The dates of a demo event: its start `day` days after the seed's day, moved on to the first date
 * of its rule (a start must be one), the same duration, and excluded dates counted from that start.
 */
function demoDates(now: Date, e: { day: number; from: string; to: string; rrule?: string | null | undefined; exdayOffsets?: number[] | undefined }) {
  const planned = at(now, e.day, e.from);
  const duration = at(now, e.day, e.to).getTime() - planned.getTime();
  const start = e.rrule ? firstDateOf(planned, e.rrule) : planned;
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + duration).toISOString(),
    exdates: (e.exdayOffsets ?? []).map((d) => at(start, d, e.from).toISOString()),
  };
}

type DemoEvent = Omit<EventInput, 'organisationId' | 'startsAt' | 'endsAt'> & { org: string; day: number; from: string; to: string; exdayOffsets?: number[] };

const EVENTS: DemoEvent[] = [
  // Weekly series (over at least one change of daylight saving within their span).
  { org: 'tus-metternich', title: 'Kinderturnen', day: 1, from: '16:30', to: '17:30', rrule: 'FREQ=WEEKLY;COUNT=30', categories: ['sport', 'youth'], audience: 'Kinder 4–8 Jahre', free: true, accessibleVenue: true },
  { org: 'tus-metternich', title: 'Seniorengymnastik', day: 2, from: '10:00', to: '11:00', rrule: 'FREQ=WEEKLY;COUNT=30', categories: ['sport', 'seniors'], price: '2 € für Gäste', accessibleVenue: true },
  { org: 'chor-lay', title: 'Chorprobe', day: 3, from: '19:30', to: '21:30', rrule: 'FREQ=WEEKLY;COUNT=40', exdayOffsets: [14], categories: ['music'], audience: 'Alle Stimmlagen willkommen', free: true },
  { org: 'blasorchester-karthause', title: 'Orchesterprobe', day: 4, from: '19:00', to: '21:00', rrule: 'FREQ=WEEKLY;COUNT=30', categories: ['music'], free: true, accessibleVenue: true },
  { org: 'schach-moselweiss', title: 'Offener Spielabend', day: 5, from: '19:00', to: '22:00', rrule: 'FREQ=WEEKLY;COUNT=52', categories: ['sport'], free: true },
  { org: 'jugendtreff-luetzel', title: 'Offener Treff', day: 1, from: '15:00', to: '19:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=90', categories: ['youth'], free: true, accessibleVenue: true },
  { org: 'senioren-neuendorf', title: 'Kaffeenachmittag', day: 2, from: '15:00', to: '17:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=20', categories: ['seniors', 'social'], price: 'Kaffee und Kuchen 3 €', accessibleVenue: true },
  { org: 'lernpaten-ruebenach', title: 'Hausaufgabenhilfe', day: 1, from: '14:00', to: '16:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=60', categories: ['education', 'youth'], free: true },
  { org: 'repair-sued', title: 'Repair-Café', day: 6, from: '14:00', to: '17:00', rrule: 'FREQ=MONTHLY;BYDAY=1SA;COUNT=12', categories: ['environment'], free: true, accessibleVenue: true },
  { org: 'nachbarschaft-horchheim', title: 'Sprechstunde Nachbarschaftshilfe', day: 3, from: '10:00', to: '12:00', rrule: 'FREQ=WEEKLY;COUNT=26', categories: ['social'], free: true },
  { org: 'rudern-guels', title: 'Schnuppertraining Rudern', day: 6, from: '10:00', to: '12:00', rrule: 'FREQ=WEEKLY;COUNT=12', categories: ['sport'], free: true, registrationUrl: 'https://example.org/anmeldung' },
  { org: 'kulturcafe-rauental', title: 'Lesebühne', day: 4, from: '19:30', to: '21:00', rrule: 'FREQ=MONTHLY;BYDAY=2TH;COUNT=10', categories: ['culture'], price: 'Eintritt frei, Hut geht rum', free: true },
  { org: 'bibliothek', title: 'Vorlesestunde für Kinder', day: 3, from: '16:00', to: '16:45', rrule: 'FREQ=WEEKLY;COUNT=20', categories: ['education', 'youth'], free: true, accessibleVenue: true },
  { org: 'vhs', title: 'Sprachcafé Deutsch', day: 2, from: '18:00', to: '19:30', rrule: 'FREQ=WEEKLY;COUNT=15', categories: ['education', 'social'], free: true },
  { org: 'musikschule', title: 'Instrumentenkarussell', day: 6, from: '11:00', to: '12:00', rrule: 'FREQ=MONTHLY;BYDAY=3SA;COUNT=6', categories: ['music', 'youth'], free: true },
  // Single events (at the organisation's own place unless a venue is given).
  { org: 'ludwig', title: 'Führung durch die Sammlung', day: 6, from: '15:00', to: '16:00', categories: ['culture'], price: 'Museumseintritt', accessibleVenue: true },
  { org: 'ludwig', title: 'Kunstgespräch am Abend', day: 18, from: '18:30', to: '20:00', categories: ['culture'], price: '5 €' },
  { org: 'mittelrhein', title: 'Familiensonntag im Museum', day: 7, from: '11:00', to: '17:00', categories: ['culture', 'youth'], free: true, accessibleVenue: true },
  { org: 'mittelrhein', title: 'Vortrag: Koblenz in römischer Zeit', day: 23, from: '19:00', to: '20:30', categories: ['culture', 'education'], price: '4 €', accessibleVenue: true },
  { org: 'theater', title: 'Theaterfest zur Spielzeiteröffnung', day: 13, from: '14:00', to: '22:00', categories: ['culture', 'music'], free: true },
  { org: 'theater', title: 'Backstage-Führung', day: 20, from: '11:00', to: '12:30', categories: ['culture'], price: '8 €', registrationUrl: 'https://example.org/theater-fuehrung' },
  { org: 'bibliothek', title: 'Digitale Sprechstunde: Smartphone-Hilfe', day: 9, from: '10:00', to: '12:00', categories: ['education', 'seniors'], free: true, accessibleVenue: true },
  { org: 'vhs', title: 'Informationsabend Kursprogramm', day: 10, from: '18:00', to: '19:30', categories: ['education'], free: true },
  { org: 'musikschule', title: 'Vorspielabend', day: 16, from: '18:00', to: '19:30', categories: ['music'], free: true, accessibleVenue: true },
  { org: 'kulturverwaltung', title: 'Netzwerktreffen Kultur', day: 24, from: '17:00', to: '19:00', categories: ['culture'], audience: 'Kulturschaffende und Vereine', free: true },
  { org: 'chor-lay', title: 'Sommerkonzert', day: 27, from: '18:00', to: '20:00', categories: ['music'], price: '10 €, ermäßigt 5 €' },
  { org: 'blasorchester-karthause', title: 'Platzkonzert', day: 12, from: '11:00', to: '12:30', categories: ['music'], free: true, accessibleVenue: true, venue: { name: 'Jesuitenplatz', address: 'Jesuitenplatz, 56068 Koblenz', district: 'altstadt', location: { lat: 50.3602, lon: 7.5958 } } },
  { org: 'heimatverein-ehrenbreitstein', title: 'Ortsführung Ehrenbreitstein', day: 6, from: '14:00', to: '16:00', categories: ['culture'], price: '3 €' },
  { org: 'heimatverein-ehrenbreitstein', title: 'Archivnachmittag', day: 15, from: '15:00', to: '18:00', categories: ['culture', 'education'], free: true },
  { org: 'karneval-pfaffendorf', title: 'Mitgliederversammlung', day: 11, from: '19:00', to: '21:00', categories: ['culture'], audience: 'Mitglieder', free: true },
  { org: 'karneval-pfaffendorf', title: 'Gardetraining offen für Neue', day: 17, from: '17:00', to: '18:30', categories: ['culture', 'youth'], free: true },
  { org: 'naturschutz-wallersheim', title: 'Müllsammelaktion am Rheinufer', day: 13, from: '10:00', to: '13:00', categories: ['environment'], free: true },
  { org: 'naturschutz-wallersheim', title: 'Nistkastenbau für Familien', day: 28, from: '14:00', to: '17:00', categories: ['environment', 'youth'], price: 'Material 5 €' },
  { org: 'kirchenmusik-arzheim', title: 'Orgelkonzert', day: 14, from: '17:00', to: '18:15', categories: ['music', 'religion'], price: 'Eintritt frei, Spende erbeten', free: true },
  { org: 'kirchenmusik-arzheim', title: 'Abendsingen', day: 21, from: '19:00', to: '20:00', categories: ['music', 'religion'], free: true, status: 'cancelled', description: 'Fällt wegen Erkrankung aus.' },
  { org: 'rudern-guels', title: 'Moselfahrt für Mitglieder', day: 19, from: '09:00', to: '16:00', categories: ['sport'], audience: 'Mitglieder' },
  { org: 'jugendtreff-luetzel', title: 'Kinoabend', day: 5, from: '18:00', to: '21:00', categories: ['youth', 'culture'], free: true, accessibleVenue: true },
  { org: 'senioren-neuendorf', title: 'Ausflug nach Boppard', day: 25, from: '09:30', to: '17:00', categories: ['seniors'], price: '15 € inkl. Fahrt', registrationUrl: 'https://example.org/ausflug' },
  { org: 'kulturcafe-rauental', title: 'Jazz im Quartier', day: 8, from: '20:00', to: '22:30', categories: ['music', 'culture'], price: '8 €', accessibleVenue: true },
  { org: 'tus-metternich', title: 'Vereinsfest', day: 20, from: '12:00', to: '20:00', categories: ['sport', 'social'], free: true, accessibleVenue: true, description: 'Mit Spielen für Kinder und Vorführungen aller Abteilungen.' },
];

export async function seedCommunityDemo(trx: Db, clock: Clock) {
  const actor = systemActor('demo');
  const service = createCommunityService({
    db: trx,
    repo: createCommunityRepository(trx),
    audit: NO_AUDIT,
    clock,
    settings: {
      publicUrl: '',
      cityName: 'Koblenz',
      districts: [...new Set([...CLUBS, ...INSTITUTIONS].map((o) => o.district).filter((d): d is string => Boolean(d)))].map((id) => ({ id, name: id })),
      bbox: [7.5, 50.28, 7.7, 50.42],
      moderation: 'none',
      registrationsPerHour: 0,
    },
  });
  const ids = new Map<string, number>();
  for (const { key, demo, ...input } of [...INSTITUTIONS, ...CLUBS]) {
    ids.set(key, await service.insertOrganisation(trx, actor, input, { demo, verified: true }));
  }
  const now = clock.now();
  for (const { org, day, from, to, exdayOffsets, ...event } of EVENTS) {
    await service.createEvent(actor, {
      ...event,
      ...demoDates(now, { day, from, to, rrule: event.rrule, exdayOffsets }),
      description: `${event.description ?? ''} ${DEMO}`.trim(),
      organisationId: ids.get(org)!,
    });
  }
  // Events are demo data; the institutions' own entries are not.
  await trx
    .withTables<{ community_events: { demo: boolean; organisation_id: number } }>()
    .updateTable('community_events')
    .set({ demo: true })
    .where('organisation_id', 'in', [...ids.values()])
    .execute();
}
