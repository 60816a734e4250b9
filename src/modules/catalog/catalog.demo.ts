/**
 * Koblenz demo data on the real catalogue, labelled as demo everywhere (demo = true, note on every
 * service). Its history reproduces the committee table of 29.07.2024 — 124 online, 79 in Umsetzung,
 * 155 geplant, 72 nicht online, 430 in total — and the previous overview of 27.02.2024
 * (126/78/159/72 = 435): between the two dates four catalogue merges took 5 entries off the list
 * (4 of them online) while two services went online. The seven EfA rollout services of the report
 * carry their real OZG-IDs and LeiKa keys. Which services are online, and when, is invented.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { CatalogRepository, ServiceRow } from './catalog.repository.js';
import { blankFields, type CatalogService, type ServiceFields } from './catalog.service.js';
import type { PaymentMethod, Status } from './catalog.text.js';

export const DEMO_PREVIOUS_REPORT = '2024-02-27';
export const DEMO_REPORT = '2024-07-29';
const LIST_START = '2022-12-31';
const AUTHOR = 'system:demo';
const DEMO_NOTE = 'Demodaten (simuliert) – nicht die amtliche Liste der Stadt Koblenz.';
const EPAY: PaymentMethod[] = ['paypal', 'credit_card', 'giropay', 'sepa_direct_debit'];
const ROLLOUT = 'EfA-Roll-Out Rheinland-Pfalz 2024 (LDI)';

interface EfaSpec {
  ozgId: string;
  leikaKey: string;
  name: string;
  office: string;
  provider: string;
  /** 2023 date it went into Umsetzung; undefined: already in Umsetzung at the start; '2024-03-15' for the spring registrations */
  startsOn?: string;
  onlineOn: string;
}

/** The rollout services named in the report (UV/0197/2024), with their catalogue keys. */
export const EFA_SERVICES: EfaSpec[] = [
  {
    ozgId: '10169',
    leikaKey: '99023002000000',
    name: 'Digitaler Führerscheinantrag',
    office: 'Fahrerlaubnisbehörde',
    provider: 'Hessen',
    startsOn: '2023-10-02',
    onlineOn: '2024-11-04',
  },
  {
    ozgId: '10447',
    leikaKey: '99084012001000',
    name: 'Personenbeförderungsgenehmigung',
    office: 'Straßenverkehrsbehörde',
    provider: 'Hessen',
    startsOn: '2023-11-06',
    onlineOn: '2025-03-10',
  },
  {
    ozgId: '10149',
    leikaKey: '99067004001000',
    name: 'Jagdscheinantrag',
    office: 'Untere Jagdbehörde',
    provider: 'Rheinland-Pfalz',
    startsOn: '2024-03-15',
    onlineOn: '2025-02-03',
  },
  {
    ozgId: '10257',
    leikaKey: '99099002006000',
    name: 'Einbürgerung',
    office: 'Ausländer- und Einbürgerungsbehörde',
    provider: 'Nordrhein-Westfalen',
    startsOn: '2024-03-15',
    onlineOn: '2025-05-12',
  },
  {
    ozgId: '10596',
    leikaKey: '99010009012000',
    name: 'Aufenthaltskarten/-titel',
    office: 'Ausländer- und Einbürgerungsbehörde',
    provider: 'Brandenburg',
    onlineOn: '2025-06-16',
  },
  {
    ozgId: '10273',
    leikaKey: '99010005261000',
    name: 'Verpflichtungserklärungen',
    office: 'Ausländer- und Einbürgerungsbehörde',
    provider: 'Hessen',
    startsOn: '2024-03-15',
    onlineOn: '2025-04-07',
  },
  {
    ozgId: '10026',
    leikaKey: '99059001104000',
    name: 'Eheschließung',
    office: 'Standesamt',
    provider: 'Hessen',
    startsOn: '2023-09-04',
    onlineOn: '2025-01-20',
  },
];

interface MergeSpec {
  ozgId: string;
  sources: { leikaKey: string; name: string }[];
  status: Status;
  target: { name: string; leikaKey: string };
  note: string;
}

/** A merge into one OZG-Leistung; sources and target as [LeiKa key, name]; the note names the OZG-ID. */
function merge(ozgId: string, status: Status, target: [string, string], sources: [string, string][], title = ''): MergeSpec {
  return {
    ozgId,
    status,
    sources: sources.map(([leikaKey, name]) => ({ leikaKey, name })),
    target: { leikaKey: target[0], name: target[1] },
    note: `Im OZG-Leistungskatalog zur OZG-Leistung ${ozgId}${title ? ` „${title}“` : ''} zusammengefasst (Demo-Beispiel).`,
  };
}

/** Single services ("Einzelleistungen") of the city's list that the official catalogue merged (illustrative). */
const MERGES: MergeSpec[] = [
  merge(
    '10124',
    'online',
    ['99115005000000', 'Wohnsitzmeldungen (An-, Ab- und Ummeldung)'],
    [
      ['99115005104000', 'Wohnsitz Anmeldung'],
      ['99115005070000', 'Wohnsitz Abmeldung'],
      ['99115005011000', 'Wohnsitz Änderung (Ummeldung)'],
    ],
    'Wohnsitzmeldungen',
  ),
  merge(
    '10294',
    'online',
    ['99050012000000', 'Gewerbeanzeige (An- und Abmeldung)'],
    [
      ['99050012104000', 'Gewerbe Anmeldung'],
      ['99050012070000', 'Gewerbe Abmeldung'],
    ],
  ),
  merge(
    '10173',
    'online',
    ['99108001000000', 'Parkausweise und Zufahrtsberechtigungen'],
    [
      ['99108001001000', 'Bewohnerparkausweis'],
      ['99108009012000', 'Parkausweis für Schwerbehinderte'],
    ],
  ),
  merge(
    '10348',
    'geplant',
    ['99108012000000', 'Sondernutzung von Straßen und Verkehrsraumeinschränkung'],
    [
      ['99108012005000', 'Sondernutzung von Straßen Erlaubnis'],
      ['99108013005000', 'Verkehrsraumeinschränkung Erlaubnis'],
    ],
  ),
];
const MERGE_DATE = '2024-05-15';

const OFFICES: Record<string, string> = {
  'Arbeit & Ruhestand': 'Amt für Jugend, Familie, Senioren und Soziales',
  'Bauen & Wohnen': 'Bauordnungsamt',
  Bildung: 'Schulverwaltungsamt',
  'Ein- & Auswanderung': 'Ausländer- und Einbürgerungsbehörde',
  'Engagement & Hobby': 'Ordnungsamt',
  'Familie & Kind': 'Standesamt',
  'Forschung & Förderung': 'Wirtschaftsförderung',
  Gesundheit: 'Gesundheitsamt',
  'Mobilität & Reisen': 'Straßenverkehrsbehörde',
  Querschnitt: 'Bürgeramt',
  'Recht & Ordnung': 'Ordnungsamt',
  'Steuern & Zoll': 'Steueramt',
  Umwelt: 'Umweltamt',
  'Unternehmensführung & -entwicklung': 'Gewerbeamt',
};

const REASONS = [
  'Persönliches Erscheinen ist gesetzlich vorgeschrieben.',
  'Die Leistung wird in Koblenz nur sehr selten nachgefragt.',
  'Zuständig ist eine Landes- oder Bundesbehörde; die Stadt wirkt nur mit.',
  'Eine Prüfung vor Ort ist zwingend erforderlich.',
];

/** A stable pseudo-random order (FNV-1a), so the demo list is the same on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const dateIn2023 = (i: number, dayBase: number) => {
  const month = i % 13; // Jan 2023 … Jan 2024
  const y = 2023 + Math.floor(month / 12);
  const m = (month % 12) + 1;
  const d = dayBase + ((i * 7) % 18);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const dateAfterReport = (i: number) => {
  const month = 8 + i; // Sep 2024 onwards
  const y = 2024 + Math.floor(month / 12);
  const m = (month % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-0${1 + (i % 8)}`;
};

export async function seedCatalogDemo(trx: Db, repo: CatalogRepository, service: CatalogService): Promise<void> {
  await service.ensureReference(trx);
  const ozg = (await repo.referenceOzg(trx)).filter((o) => o.active);
  const leika = (await repo.referenceLeika(trx)).filter((l) => l.active && l.leika_key);
  const leikaByOzg = new Map<string, typeof leika>();
  for (const l of leika) if (l.ozg_id) leikaByOzg.set(l.ozg_id, [...(leikaByOzg.get(l.ozg_id) ?? []), l]);
  const municipal = (id: string) => (leikaByOzg.get(id) ?? []).some((l) => /[245]/.test(l.leika_type));
  const themenfeldOf = new Map(ozg.map((o) => [o.ozg_id, o.themenfeld ?? '']));

  const mergeIds = new Set(MERGES.map((m) => m.ozgId));
  const efaIds = new Set(EFA_SERVICES.map((e) => e.ozgId));
  const fixed = new Set([...efaIds, '10255']);
  const generic = ozg
    .filter((o) => municipal(o.ozg_id) && !mergeIds.has(o.ozg_id) && !fixed.has(o.ozg_id))
    .sort((a, b) => hash(a.ozg_id) - hash(b.ozg_id) || a.ozg_id.localeCompare(b.ozg_id))
    .slice(0, 418);
  if (generic.length !== 418)
    throw new Error(`demo data needs 418 municipal OZG-Leistungen, the catalogue has ${generic.length}`);

  const mainKey = (ozgId: string) => {
    const keys = (leikaByOzg.get(ozgId) ?? []).map((l) => l.leika_key!).sort();
    return keys.find((k) => k.endsWith('000000')) ?? keys[0] ?? null;
  };

  async function create(
    ref: string,
    fields: Partial<ServiceFields> & { name: string; status: Status },
    effectiveDate = LIST_START,
  ): Promise<number> {
    const { fields: checked, problems } = await service.check({ ...blankFields(), notes: DEMO_NOTE, ...fields }, trx);
    if (problems.length) throw new Error(`demo service ${ref}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
    const saved = await service.persist(trx, ref, undefined, checked, {
      effectiveDate,
      note: 'Demodaten: Übersicht der Verwaltungsleistungen angelegt',
      author: AUTHOR,
      statusGiven: true,
      demo: true,
    });
    return saved.id;
  }

  async function change(id: number, effectiveDate: string, patch: Partial<ServiceFields>, note: string) {
    const current = (await repo.service(id, trx)) as ServiceRow;
    const { fields, problems } = await service.check({ ...service.fieldsOf(current), ...patch }, trx);
    if (problems.length)
      throw new Error(`demo change of ${current.ref}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
    await service.persist(trx, current.ref, current, fields, {
      effectiveDate,
      note,
      author: AUTHOR,
      statusGiven: patch.status !== undefined,
    });
  }

  const online = (ozgId: string, n: number): Partial<ServiceFields> => ({
    onlineUrl: `https://antrag.demo.invalid/koblenz/${ozgId}`,
    maturityLevel: n % 4 === 0 ? 2 : 3,
    maturityModel: '1.1',
    epaybl: n % 3 === 0,
    paymentMethods: n % 3 === 0 ? EPAY : [],
  });

  // Generic services: 83 online, 72 nicht online, 68 in Umsetzung, 195 geplant at the start of the list.
  const ids = new Map<string, number>();
  for (const [i, o] of generic.entries()) {
    const status: Status = i < 83 ? 'online' : i < 155 ? 'nicht_online' : i < 223 ? 'in_umsetzung' : 'geplant';
    const fields: Partial<ServiceFields> & { name: string; status: Status } = {
      name: o.name,
      ozgId: o.ozg_id,
      leikaKey: mainKey(o.ozg_id),
      status,
      office: OFFICES[themenfeldOf.get(o.ozg_id) ?? ''] ?? 'Bürgeramt',
      maturityLevel: status === 'nicht_online' ? 0 : 1,
      maturityModel: '1.1',
      ...(status === 'online' ? online(o.ozg_id, i) : {}),
      ...(status === 'nicht_online' ? { reasonNotOnline: REASONS[i % REASONS.length]! } : {}),
    };
    ids.set(o.ozg_id, await create(`KO-${o.ozg_id}`, fields));
  }
  const inWork = generic.slice(155, 223);
  const planned = generic.slice(223);

  // The EfA services and Aufenthaltstitel.
  const efaIdOf = new Map<string, number>();
  for (const e of EFA_SERVICES) {
    const status: Status = e.startsOn ? 'geplant' : 'in_umsetzung';
    efaIdOf.set(
      e.ozgId,
      await create(`KO-${e.ozgId}`, {
        name: e.name,
        ozgId: e.ozgId,
        leikaKey: e.leikaKey,
        status,
        efa: true,
        efaProviderState: e.provider,
        office: e.office,
        maturityLevel: 1,
        maturityModel: '1.1',
        rolloutProject: status === 'in_umsetzung' ? ROLLOUT : '',
        description: 'Einer-für-Alle-Onlinedienst eines anderen Landes, von der Stadt Koblenz nachgenutzt.',
      }),
    );
  }
  const titel = await create('KO-10255', {
    name: 'Aufenthaltstitel',
    ozgId: '10255',
    leikaKey: '99010001001000',
    status: 'in_umsetzung',
    efa: true,
    efaProviderState: 'Brandenburg',
    office: 'Ausländer- und Einbürgerungsbehörde',
    maturityLevel: 1,
    maturityModel: '1.1',
    rolloutProject: ROLLOUT,
  });

  // Single services that the catalogue later merged.
  const mergeSources: number[][] = [];
  for (const m of MERGES) {
    const group: number[] = [];
    for (const s of m.sources) {
      group.push(
        await create(`KO-${s.leikaKey}`, {
          name: s.name,
          ozgId: m.ozgId,
          leikaKey: s.leikaKey,
          status: m.status,
          office: OFFICES[themenfeldOf.get(m.ozgId) ?? ''] ?? 'Bürgeramt',
          maturityLevel: m.status === 'online' ? 3 : 1,
          maturityModel: '1.1',
          ...(m.status === 'online' ? online(m.ozgId, 1) : {}),
        }),
      );
    }
    mergeSources.push(group);
  }

  // 2023: 36 services go online, 41 (+3 EfA) go into Umsetzung.
  for (const [i, o] of inWork.slice(0, 36).entries()) {
    await change(
      ids.get(o.ozg_id)!,
      dateIn2023(i, 10),
      { status: 'online', ...online(o.ozg_id, i + 1) },
      'Onlinedienst freigeschaltet (Demodaten)',
    );
  }
  for (const [i, o] of planned.slice(0, 41).entries()) {
    await change(
      ids.get(o.ozg_id)!,
      dateIn2023(i, 3),
      { status: 'in_umsetzung', maturityLevel: 1 },
      'Umsetzung begonnen (Demodaten)',
    );
  }
  for (const e of EFA_SERVICES) {
    if (!e.startsOn) continue;
    await change(
      efaIdOf.get(e.ozgId)!,
      e.startsOn,
      { status: 'in_umsetzung', rolloutProject: ROLLOUT, plannedGoLive: e.onlineOn },
      e.startsOn === '2024-03-15'
        ? 'Anmeldung zum EfA-Rolloutprojekt des Landes (Demodaten)'
        : 'Umsetzung als EfA-Nachnutzung begonnen (Demodaten)',
    );
  }

  // Between the two committee reports: two go-lives and the catalogue merges.
  await change(
    ids.get(inWork[36]!.ozg_id)!,
    '2024-04-02',
    { status: 'online', ...online(inWork[36]!.ozg_id, 3) },
    'Onlinedienst freigeschaltet (Demodaten)',
  );
  await change(
    ids.get(inWork[37]!.ozg_id)!,
    '2024-06-17',
    { status: 'online', ...online(inWork[37]!.ozg_id, 6) },
    'Onlinedienst freigeschaltet, Bezahlung über ePayBL (Demodaten)',
  );
  const actor = systemActor('demo');
  for (const [i, m] of MERGES.entries()) {
    const [survivor] = mergeSources[i]!;
    await service.restructure(actor, {
      kind: 'merge',
      effectiveDate: MERGE_DATE,
      note: m.note,
      catalogReference: 'OZG-Leistungskatalog, Stand Mai 2024 (Demo)',
      sourceIds: mergeSources[i]!,
      targets: [{ id: survivor!, name: m.target.name, leikaKey: m.target.leikaKey }],
    });
  }

  // After 29.07.2024: the EfA services go live one after the other, and more services follow.
  for (const e of EFA_SERVICES) {
    await change(
      efaIdOf.get(e.ozgId)!,
      e.onlineOn,
      { status: 'online', ...online(e.ozgId, 0), maturityLevel: 3, plannedGoLive: null },
      'EfA-Onlinedienst freigeschaltet (Demodaten)',
    );
  }
  await change(
    titel,
    '2025-06-16',
    { status: 'online', ...online('10255', 0), maturityLevel: 3 },
    'EfA-Onlinedienst freigeschaltet (Demodaten)',
  );
  for (const [i, o] of inWork.slice(38, 48).entries()) {
    await change(
      ids.get(o.ozg_id)!,
      dateAfterReport(i),
      { status: 'online', ...online(o.ozg_id, i) },
      'Onlinedienst freigeschaltet (Demodaten)',
    );
  }
  for (const [i, o] of planned.slice(41, 49).entries()) {
    await change(
      ids.get(o.ozg_id)!,
      dateAfterReport(i + 1).slice(0, 8) + '20',
      { status: 'in_umsetzung' },
      'Umsetzung begonnen (Demodaten)',
    );
  }
}
