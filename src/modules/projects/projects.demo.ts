/**
 * Koblenz demo portfolio: every project the committee report UV/0197/2024 names, with the status the
 * report gives (✓ → live, "In Entwicklung" → in_development). Where the report states no status, or
 * where numbers are needed (fibre expansion per Stadtteil), the values are invented and the records
 * are marked demo = true and say so in their text.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import type { Db } from '../../platform/db/database.js';
import type { DistrictStatus } from './projects.model.js';
import { createProjectsRepository } from './projects.repository.js';
import { createProjectsService, type ProjectInput } from './projects.service.js';

const SOURCE = 'Quelle: Unterrichtungsvorlage UV/0197/2024 (Wirtschaftsförderungsausschuss, 04.09.2024).';
const ASSUMED = 'Der Status ist in der Vorlage nicht angegeben; er ist für die Demo angenommen (Demodaten).';

/** The 22 Stadtteile of the fibre expansion: the report does not list them, so this selection is demo data. */
export const FIBRE_DISTRICTS = [
  'arenberg',
  'immendorf',
  'arzheim',
  'asterstein',
  'pfaffendorfer-hoehe',
  'horchheimer-hoehe',
  'horchheim',
  'niederberg',
  'ehrenbreitstein',
  'stolzenfels',
  'lay',
  'guels',
  'bubenheim',
  'ruebenach',
  'metternich',
  'kesselheim',
  'wallersheim',
  'neuendorf',
  'luetzel',
  'moselweiss',
  'karthause-flugfeld',
  'karthause-nord',
] as const;

const p = (input: Omit<ProjectInput, 'description'> & { description?: string }): ProjectInput => ({
  ...input,
  description: [input.description, SOURCE, input.demo ? ASSUMED : ''].filter(Boolean).join('\n\n'),
});

export const DEMO_PROJECTS: ProjectInput[] = [
  p({
    title: 'Digitale Verwaltung / OZG-Umsetzung',
    slug: 'digitale-verwaltung-ozg',
    summary: 'Verwaltungsleistungen durch Eigenentwicklungen und EfA-Leistungen digital anbieten.',
    description:
      'Die Stadtverwaltung arbeitet daran, die sie betreffenden Verwaltungsleistungen durch Eigenentwicklungen oder im Rahmen von EfA-Leistungen aus anderen Bundesländern digital zur Verfügung zu stellen. Angestrebt für 2024: „Digitaler Führerscheinantrag“, „Personenbeförderungsgenehmigung“, „Jagdscheinantrag“, „Einbürgerung“, „Aufenthaltskarten/-titel“, „Verpflichtungserklärungen“, „Eheschließung“; Pilotkommune für den Epaymentdienst EpayBL.',
    status: 'in_development',
    office: 'Strategisches IT-Management (Amt 10)',
    partners: ['KGRZ', 'KommWis'],
    fields: ['smart-governance'],
    links: [{ label: 'Verwaltungsleistungen', url: '/verwaltungsleistungen' }],
  }),
  p({
    title: 'Multifaktor-Authentifizierung',
    summary: 'Einführung einer flächendeckenden Multifaktor-Authentifizierung (Informationssicherheit).',
    status: 'planned',
    office: 'Strategisches IT-Management (Amt 10)',
    fields: ['smart-governance'],
  }),
  p({
    title: 'Transparenzplattform / Smart-City-Dashboard',
    slug: 'transparenzplattform-smart-city-dashboard',
    summary: 'Aufbau einer Transparenzplattform als Grundlage für ein „Smart-City Dashboard“.',
    status: 'planned',
    office: 'Amt für Wirtschaftsförderung',
    partners: ['evm'],
    fields: ['smart-governance', 'smart-living'],
  }),
  p({
    title: 'KI-Erprobung',
    summary: 'Erprobung von KI-Tools in einem Reallabor der Verwaltung.',
    status: 'planned',
    office: 'Digitalisierungsbüro',
    fields: ['smart-governance'],
  }),
  p({
    title: 'Digitalbeirat',
    summary: 'Unpolitisch und ausschließlich mit Experten besetztes Gremium, das das Digitalisierungsbüro berät.',
    status: 'live',
    office: 'Amt für Wirtschaftsförderung (Geschäftsstelle)',
    partners: ['Universität Koblenz', 'Hochschule Koblenz'],
    fields: ['smart-governance'],
    links: [{ label: 'Digitalbeirat', url: '/projekte/seite/digitalbeirat' }],
  }),
  p({
    title: 'Weiterentwicklung Koblenz App',
    slug: 'koblenz-app',
    summary: 'Neue Funktionen der Koblenz App.',
    status: 'in_development',
    office: 'Amt für Wirtschaftsförderung',
    partners: ['Rhein-Zeitung'],
    fields: ['smart-economy'],
    features: [
      { title: 'Kooperation Rhein-Zeitung', status: 'done' },
      { title: 'Integration Echtzeitdaten Parkleitsystem', status: 'done' },
      { title: 'Augmented Reality MRM', status: 'done' },
      { title: 'Mehrsprachigkeit', status: 'done' },
      { title: 'Schadensmelder', status: 'in_development' },
    ],
  }),
  p({
    title: 'Glasfaserausbau 22 Stadtteile',
    slug: 'glasfaserausbau-22-stadtteile',
    summary: 'Glasfaserausbau in 22 Stadtteilen; Fortschritt je Stadtteil.',
    description: 'Auswahl der Stadtteile, Status und Zahl der angeschlossenen Haushalte je Stadtteil sind Demodaten.',
    status: 'in_development',
    fields: ['smart-economy'],
    districts: [...FIBRE_DISTRICTS],
    demo: true,
  }),
  p({
    title: 'Keep on Dancing',
    summary: 'Projekt der Computervisualistik der Universität Koblenz mit dem Theater Koblenz.',
    status: 'live',
    partners: ['Universität Koblenz (Computervisualistik)', 'Theater Koblenz'],
    fields: ['smart-people'],
    links: [{ label: 'Video', url: 'https://youtu.be/dKZhA8WU24' }],
    demo: true,
  }),
  p({
    title: 'Kulturhaus-Koblenz – digitales Netzwerk für die Kulturregion Koblenz',
    slug: 'kulturhaus-koblenz',
    summary: 'Digitales Netzwerk für die Kulturregion Koblenz.',
    status: 'live',
    fields: ['smart-people'],
  }),
  p({
    title: 'Netzwerk-Plattform für Vereine',
    summary: 'Aufbau einer Netzwerk-Plattform für Vereine.',
    status: 'in_development',
    fields: ['smart-people'],
  }),
  p({
    title: 'E-Bibliothek Koblenz',
    summary: 'Digitales Angebot der Stadtbibliothek.',
    status: 'live',
    office: 'Stadtbibliothek',
    fields: ['smart-people'],
    demo: true,
  }),
  p({
    title: '5 Thesen für eine digitale Transformation der Koblenzer Stadt- und Regionalkultur',
    slug: '5-thesen-digitale-transformation-kultur',
    summary: 'Vorgelegt vom Dezernat für Bildung und Kultur.',
    status: 'live',
    office: 'Dezernat für Bildung und Kultur',
    partners: ['Ludwig-Museum', 'Mittelrhein-Museum', 'Musikschule', 'Stadtbibliothek', 'Theater Koblenz', 'Volkshochschule'],
    fields: ['smart-people'],
    demo: true,
  }),
  p({
    title: 'GeoPortal Koblenz',
    summary: 'Karten und Geodaten der Stadt.',
    status: 'live',
    fields: ['smart-living'],
    demo: true,
  }),
  p({
    title: 'Smart Parking',
    summary: 'Echtzeitdaten des Parkleitsystems.',
    status: 'in_development',
    fields: ['smart-living'],
    demo: true,
  }),
  p({
    title: 'Smart Waste',
    summary: 'Füllstände von Abfallbehältern per Sensor.',
    status: 'in_development',
    fields: ['smart-living'],
    demo: true,
  }),
];

/** Demo progress per Stadtteil: invented numbers, labelled demo. */
export function fibreProgress(): { districtId: string; status: DistrictStatus; householdsPassed: number }[] {
  return FIBRE_DISTRICTS.map((districtId, i) => {
    const status: DistrictStatus = i % 3 === 0 ? 'available' : i % 3 === 1 ? 'under_construction' : 'planned';
    return {
      districtId,
      status,
      householdsPassed: status === 'available' ? 600 + 37 * i : status === 'under_construction' ? 150 + 11 * i : 0,
    };
  });
}

const NO_AUDIT: AuditRecorder = { record: async () => undefined };

export async function seedProjectsDemo(trx: Db, clock: Clock) {
  const actor = systemActor('demo');
  const service = createProjectsService({
    db: trx,
    repo: createProjectsRepository(trx),
    audit: NO_AUDIT,
    clock,
    settings: { publicUrl: '', cityName: 'Koblenz', districts: FIBRE_DISTRICTS.map((id) => ({ id, name: id, lat: 0, lon: 0 })) },
  });
  for (const input of DEMO_PROJECTS) {
    if (await createProjectsRepository(trx).projectBySlug(input.slug ?? '', trx)) continue;
    const created = await service.create(actor, input);
    if (created.slug === 'glasfaserausbau-22-stadtteile') {
      for (const d of fibreProgress()) await service.setDistrict(actor, created.id, d.districtId, { ...d, demo: true });
    }
  }
}
