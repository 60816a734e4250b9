/** Demo reports at real Koblenz places, every one labelled "[Demo]" and flagged demo (simulated). */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { createReportsRepository, type Status } from './reports.repository.js';
import { addWorkingDays, isClosed } from './reports.shared.js';

type Demo = [code: string, lat: number, long: number, address: string, text: string, status: Status, daysAgo: number, note?: string];

export const DEMO: Demo[] = [
  ['strassenschaeden', 50.3586, 7.5921, 'Löhrstraße, Altstadt', 'Tiefes Schlagloch auf der Fahrbahn vor dem Löhr-Center, Radfahrer müssen ausweichen.', 'in_progress', 12, 'Die Reparatur ist für nächste Woche beauftragt.'],
  ['strassenschaeden', 50.3545, 7.596, 'Friedrich-Ebert-Ring, Mitte', 'Mehrere lose Pflastersteine auf dem Gehweg, Stolpergefahr.', 'resolved', 40, 'Die Steine wurden neu verlegt. Vielen Dank für den Hinweis.'],
  ['strassenschaeden', 50.362, 7.562, 'Trierer Straße, Metternich', 'Absenkung im Radweg nach Regen voller Wasser.', 'accepted', 5],
  ['strassenbeleuchtung', 50.3597, 7.5958, 'Jesuitenplatz, Altstadt', 'Die Laterne an der Ecke zur Firmungstraße ist seit Tagen dunkel.', 'resolved', 30, 'Das Leuchtmittel wurde getauscht.'],
  ['strassenbeleuchtung', 50.371, 7.589, 'Brenderweg, Lützel', 'Straßenlaterne flackert die ganze Nacht.', 'new', 1],
  ['strassenbeleuchtung', 50.349, 7.616, 'Emser Straße, Pfaffendorf', 'Zwei Laternen hintereinander ausgefallen, Gehweg ist sehr dunkel.', 'waiting_third_party', 9, 'Die Störung wurde an den Netzbetreiber gemeldet.'],
  ['ampeln', 50.351, 7.5885, 'Bahnhofplatz, Süd', 'Fußgängerampel am Hauptbahnhof reagiert nicht auf den Taster.', 'resolved', 20, 'Der Taster wurde ersetzt.'],
  ['ampeln', 50.36, 7.588, 'Moselring, Altstadt', 'Ampel für Linksabbieger zeigt dauerhaft Rot.', 'in_progress', 2, 'Ein Techniker ist informiert.'],
  ['verkehrszeichen', 50.3601, 7.5969, 'Am Plan, Altstadt', 'Das Schild Fußgängerzone ist umgefahren worden und liegt auf dem Boden.', 'accepted', 4],
  ['verkehrszeichen', 50.38, 7.587, 'Hochstraße, Neuendorf', 'Zebrastreifen kaum noch zu sehen, die Markierung ist völlig verblasst.', 'new', 3],
  ['muellablagerung', 50.35, 7.605, 'Kaiserin-Augusta-Anlagen, Süd', 'Jemand hat Sperrmüll und alte Matratzen an den Rheinanlagen abgeladen.', 'resolved', 15, 'Der Sperrmüll wurde abgeholt.'],
  ['muellablagerung', 50.376, 7.526, 'Aachener Straße, Rübenach', 'Bauschutt und Farbeimer am Feldweg abgekippt.', 'in_progress', 6, 'Das Ordnungsamt ermittelt, die Beseitigung ist beauftragt.'],
  ['muellablagerung', 50.383, 7.548, 'Bubenheim', 'Mehrere Müllsäcke und Altreifen am Straßenrand.', 'new', 0],
  ['abfallbehaelter', 50.3644, 7.6046, 'Deutsches Eck, Altstadt', 'Papierkörbe am Deutschen Eck sind überfüllt, Müll fliegt herum.', 'resolved', 8, 'Die Behälter wurden geleert, die Leerung wird am Wochenende verstärkt.'],
  ['abfallbehaelter', 50.3585, 7.5962, 'Görresplatz, Altstadt', 'Glasscherben rund um den Brunnen.', 'resolved', 25, 'Der Platz wurde gereinigt.'],
  ['abfallbehaelter', 50.3597, 7.593, 'Zentralplatz, Altstadt', 'Mülleimer an der Haltestelle ist beschädigt, die Klappe fehlt.', 'accepted', 7],
  ['gruenanlagen', 50.3567, 7.603, 'Kurfürstliches Schloss, Altstadt', 'Ein großer Ast hängt nach dem Sturm abgebrochen im Baum über dem Weg.', 'resolved', 35, 'Der Ast wurde entfernt.'],
  ['gruenanlagen', 50.34, 7.6, 'Oberwerth', 'Hecke wächst weit auf den Radweg, man muss auf die Fahrbahn ausweichen.', 'in_progress', 11],
  ['gruenanlagen', 50.339, 7.612, 'Emser Straße, Horchheim', 'Wildwuchs verdeckt die Sicht an der Einmündung.', 'new', 2],
  ['spielplaetze', 50.34, 7.58, 'Karthause Nord', 'Schaukel auf dem Spielplatz hat eine gerissene Kette.', 'resolved', 18, 'Die Schaukel wurde gesperrt und repariert.'],
  ['spielplaetze', 50.355, 7.577, 'Moselweißer Straße, Goldgrube', 'Rutsche hat einen scharfkantigen Riss, Verletzungsgefahr für Kinder.', 'accepted', 1],
  ['graffiti', 50.365, 7.593, 'Balduinbrücke, Altstadt', 'Großflächige Schmierereien am Brückenpfeiler.', 'waiting_third_party', 22, 'Die Reinigung ist bei einer Fachfirma angefragt.'],
  ['graffiti', 50.3625, 7.5977, 'Florinsmarkt, Altstadt', 'Graffiti an der Wand des Alten Kaufhauses.', 'rejected', 28, 'Das Gebäude ist in privatem Besitz; wir haben den Eigentümer informiert.'],
  ['entwaesserung', 50.3617, 7.5966, 'Münzplatz, Altstadt', 'Gully verstopft, bei Regen steht das Wasser auf dem Platz.', 'resolved', 14, 'Der Einlauf wurde gereinigt.'],
  ['entwaesserung', 50.353, 7.58, 'Schützenstraße, Rauental', 'Kanaldeckel klappert laut bei jedem Auto.', 'in_progress', 10],
  ['stadtmobiliar', 50.3588, 7.6013, 'Clemensplatz, Altstadt', 'Sitzbank beschädigt, eine Latte fehlt.', 'new', 4],
  ['stadtmobiliar', 50.363, 7.618, 'Hofstraße, Ehrenbreitstein', 'Fahrradständer aus dem Boden gerissen.', 'accepted', 6],
  ['stadtmobiliar', 50.365, 7.614, 'Festung, Ehrenbreitstein', 'Geländer am Aussichtspunkt wackelt.', 'resolved', 45, 'Das Geländer wurde neu befestigt.'],
  ['schrottfahrzeuge', 50.3628, 7.603, 'Kastorhof, Altstadt', 'Fahrrad ohne Sattel und mit platten Reifen steht seit Monaten am Ständer.', 'in_progress', 16, 'Das Rad wurde mit einem Hinweis versehen und wird nach Ablauf der Frist entfernt.'],
  ['schrottfahrzeuge', 50.397, 7.562, 'Kesselheim', 'Auto ohne Kennzeichen steht seit Wochen am Straßenrand.', 'new', 5],
  ['winterdienst', 50.354, 7.623, 'Asterstein', 'Gehweg an der Steigung ist nicht gestreut, sehr glatt.', 'resolved', 50, 'Der Winterdienst war vor Ort.'],
  ['hundekot', 50.337, 7.635, 'Arzheim', 'Der Spender für Hundekotbeutel am Spielplatz ist leer.', 'resolved', 9, 'Der Spender wurde aufgefüllt.'],
  ['hundekot', 50.348, 7.549, 'Gulisastraße, Güls', 'Sehr viel Hundekot auf dem Gehweg an der Mosel.', 'new', 1],
  ['sonstiges', 50.303, 7.595, 'Stolzenfels', 'Ein Hinweisschild zur Burg ist zugewachsen und kaum lesbar.', 'accepted', 13],
  ['lob-anregungen', 50.368, 7.647, 'Arenberg', 'Danke für die neue Bank an der Bushaltestelle, das ist eine große Hilfe.', 'resolved', 19, 'Vielen Dank für Ihre freundliche Rückmeldung!'],
  ['lob-anregungen', 50.374, 7.626, 'Niederberg', 'Vorschlag: ein Fahrradbügel am Friedhof wäre schön.', 'new', 3],
];

/** "Löhrstraße, Altstadt" → "altstadt": the demo addresses end with the official Stadtteil name. */
const districtOf = (address: string) =>
  address
    .split(',')
    .at(-1)!
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, '-');

export async function seedDemoReports(trx: Db, now: Date) {
  const repo = createReportsRepository(trx);
  const cats = new Map((await trx.withTables<{ reports_categories: { id: number; code: string; office_id: number; target_days: number } }>()
    .selectFrom('reports_categories').select(['id', 'code', 'office_id', 'target_days']).execute()).map((c) => [c.code, c]));
  for (const [code, lat, long, address, text, status, daysAgo, note] of DEMO) {
    const cat = cats.get(code);
    if (!cat) continue;
    const requested = new Date(now.getTime() - daysAgo * 86_400_000 - 3_600_000);
    const updated = status === 'new' ? requested : new Date(Math.min(now.getTime(), requested.getTime() + Math.max(1, daysAgo / 2) * 86_400_000));
    const id = await repo.insertRequest(trx, {
      token: randomBytes(16).toString('base64url'),
      category_id: cat.id,
      office_id: cat.office_id,
      district: districtOf(address),
      lat,
      long,
      address,
      description: `[Demo] ${text}`,
      description_public: true,
      published: true,
      status,
      attributes: {},
      media_url: null,
      channel: 'demo',
      api_key_id: null,
      email: null,
      confirm_token_hash: null,
      ip: null,
      ip_hash: null,
      suggested_category_id: null,
      demo: true,
      due_at: addWorkingDays(requested, cat.target_days),
      requested_at: requested,
      updated_at: updated,
      closed_at: isClosed(status) ? updated : null,
    });
    if (note) await repo.insertNote(trx, { request_id: id, visibility: 'public', status, body: note, author: 'demo', created_at: updated });
  }
}
