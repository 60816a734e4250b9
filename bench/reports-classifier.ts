/**
 * Accuracy of the reports category suggestion on a held-out set: trained on the shipped category
 * texts plus the demo reports (standing in for past reports), tested on descriptions it never saw.
 * Run: node --import tsx bench/reports-classifier.ts (also part of `BENCH_ONLY=reports npm run bench`)
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { classify, trainNaiveBayes } from '../src/modules/reports/reports.classifier.js';
import { DEMO } from '../src/modules/reports/reports.seed.js';

const sqlText = readFileSync(new URL('../src/modules/reports/migrations/0002_default_categories.sql', import.meta.url), 'utf8');
const categories = [...sqlText.matchAll(/\('([a-z-]+)', '([^']+)', '[^']+',\s*'([^']+)',\s*'([^']+)'/g)].map((m) => ({ code: m[1]!, text: `${m[2]} ${m[3]} ${m[4]!.replace(/,/g, ' ')}` }));

const HELD_OUT: [string, string][] = [
  ['strassenschaeden', 'Großes Loch im Asphalt an der Kreuzung, Autos fahren hinein'],
  ['strassenschaeden', 'Der Bordstein ist abgebrochen und liegt auf der Straße'],
  ['strassenschaeden', 'Risse und Absenkung auf dem Radweg entlang der Mosel'],
  ['strassenbeleuchtung', 'Seit einer Woche brennt die Lampe an der Bushaltestelle nicht'],
  ['strassenbeleuchtung', 'Die Straßenlaternen leuchten auch tagsüber'],
  ['strassenbeleuchtung', 'Leuchtenmast schief nach Unfall'],
  ['ampeln', 'Die Ampel an der Kreuzung ist komplett ausgefallen'],
  ['ampeln', 'Bedarfstaster für Fußgänger funktioniert nicht, es wird nie grün'],
  ['ampeln', 'Signalanlage blinkt nur noch gelb'],
  ['verkehrszeichen', 'Vorfahrtsschild ist verdreht und zeigt in die falsche Richtung'],
  ['verkehrszeichen', 'Markierung des Radstreifens ist kaum noch zu erkennen'],
  ['verkehrszeichen', 'Das Stoppschild fehlt seit dem Wochenende'],
  ['muellablagerung', 'Im Wald wurden alte Reifen und Bauschutt abgeladen'],
  ['muellablagerung', 'Ein alter Kühlschrank und Elektroschrott am Feldrand'],
  ['muellablagerung', 'Sperrmüll steht seit Tagen illegal neben den Containern'],
  ['abfallbehaelter', 'Papierkorb quillt über, überall liegt Verpackungsmüll'],
  ['abfallbehaelter', 'Scherben auf dem Platz vor der Haltestelle'],
  ['abfallbehaelter', 'Mülleimer ist abgebrochen'],
  ['gruenanlagen', 'Ein Baum droht nach dem Sturm umzustürzen'],
  ['gruenanlagen', 'Hecke versperrt die Sicht an der Ausfahrt'],
  ['gruenanlagen', 'Rasen im Park wurde seit Monaten nicht gemäht, alles voller Unkraut'],
  ['spielplaetze', 'Klettergerüst hat lose Schrauben'],
  ['spielplaetze', 'Im Sandkasten liegen Spritzen und Glas'],
  ['spielplaetze', 'Die Wippe auf dem Spielplatz ist kaputt'],
  ['graffiti', 'Die Schule wurde mit Farbe beschmiert'],
  ['graffiti', 'Aufkleber und Schmierereien am Stromkasten'],
  ['graffiti', 'Wartehäuschen mutwillig zerstört, Scheibe eingeschlagen, Graffiti'],
  ['entwaesserung', 'Nach dem Regen läuft das Wasser nicht ab, der Abfluss ist verstopft'],
  ['entwaesserung', 'Schachtdeckel klappert laut'],
  ['entwaesserung', 'Es riecht stark aus dem Kanal'],
  ['stadtmobiliar', 'Poller umgefahren'],
  ['stadtmobiliar', 'Die Sitzbank im Park ist zerbrochen'],
  ['stadtmobiliar', 'Geländer an der Treppe wackelt'],
  ['schrottfahrzeuge', 'Schrottrad ohne Reifen am Bahnhof angeschlossen'],
  ['schrottfahrzeuge', 'Abgemeldetes Auto ohne Kennzeichen steht seit Monaten da'],
  ['schrottfahrzeuge', 'Verlassener Anhänger am Straßenrand'],
  ['winterdienst', 'Gehweg ist spiegelglatt und nicht gestreut'],
  ['winterdienst', 'Radweg wurde nach dem Schneefall nicht geräumt'],
  ['winterdienst', 'Eiszapfen hängen gefährlich am Rathaus'],
  ['hundekot', 'Überall Hundehaufen auf der Wiese'],
  ['hundekot', 'Tütenspender für Hundekot ist leer'],
  ['hundekot', 'Der Gehweg vor dem Kindergarten ist voller Kot'],
  ['sonstiges', 'Ein Briefkasten der Post ist beschädigt'],
  ['sonstiges', 'Lärm von einer Baustelle nachts'],
  ['sonstiges', 'Taubenplage am Bahnhofsgebäude'],
  ['lob-anregungen', 'Danke für die schnelle Reparatur, super Arbeit'],
  ['lob-anregungen', 'Idee: mehr Trinkbrunnen in der Innenstadt wäre schön'],
  ['lob-anregungen', 'Vorschlag für einen Zebrastreifen vor der Schule'],
];

/** Trains on the category texts and demo reports, then ranks every held-out description. */
export function evaluateSuggestion() {
  const model = trainNaiveBayes([
    ...categories.map((c) => ({ label: c.code, text: c.text, weight: 3 })),
    ...DEMO.map(([code, , , , text]) => ({ label: code, text })),
  ]);
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const [label, text] of HELD_OUT) {
    const ranked = classify(model, text).map((r) => r.label);
    if (ranked[0] === label) top1++;
    else misses.push(`${label} ← "${text}" (suggested ${ranked[0] ?? 'nothing'})`);
    if (ranked.slice(0, 3).includes(label)) top3++;
  }
  return { categories: categories.length, trainingDocs: categories.length + DEMO.length, heldOut: HELD_OUT.length, top1, top3, misses };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = evaluateSuggestion();
  const pct = (n: number) => ((100 * n) / r.heldOut).toFixed(1);
  console.log(`categories: ${r.categories}, training docs: ${r.trainingDocs}, held-out: ${r.heldOut}`);
  console.log(`top-1 accuracy: ${r.top1}/${r.heldOut} = ${pct(r.top1)} %`);
  console.log(`top-3 accuracy: ${r.top3}/${r.heldOut} = ${pct(r.top3)} %`);
  console.log(`majority baseline: ${(100 / r.categories).toFixed(1)} %`);
  for (const m of r.misses) console.log(`miss: ${m}`);
}
