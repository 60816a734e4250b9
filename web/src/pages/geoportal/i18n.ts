/**
 * Texts of the GeoPortal page and the embeddable map, merged into the translation namespace when
 * either loads (pattern: pages/catalog/i18n.ts).
 */
import i18n from '../../i18n';
// Status words are the ones the projects and Schadensmelder pages use.
import '../projects/i18n';
import '../reports/i18n';

const de = {
  geoportal: {
    title: 'GeoPortal',
    intro:
      'Die Karte zeigt Stadtteile, Parkhäuser mit ihrer Belegung, Abfallbehälter mit ihrem Füllstand, Schadensmeldungen, Smart-City-Projekte und den Glasfaserausbau. Alles, was im Kartenausschnitt liegt, steht auch in der Liste unter der Karte.',
    ogc: 'Alle Ebenen gibt es auch als OGC API – Features (GeoJSON) für QGIS, Masterportal und andere GIS:',
    embedTitle: 'Karte {{city}}',
    openFull: 'Im GeoPortal öffnen (neues Fenster)',
    layers: {
      legend: 'Ebenen und Legende',
      hint: 'Ebenen ein- und ausschalten. Farben stehen immer mit Symbol und Wort in der Legende und in der Liste.',
      loading: 'wird geladen …',
      failed: 'konnte nicht geladen werden',
      count: '{{count}} Objekte',
      count_one: '{{count}} Objekt',
      stadtteile: 'Stadtteile',
      parkhaeuser: 'Parkhäuser (Belegung)',
      abfallbehaelter: 'Abfallbehälter (Füllstand)',
      schadensmeldungen: 'Schadensmeldungen (Status)',
      projekte: 'Smart-City-Projekte',
      glasfaser: 'Glasfaserausbau je Stadtteil',
    },
    class: {
      stadtteile: { district: 'Stadtteil (ungefähre Mitte)' },
      parkhaeuser: {
        free: 'viele Plätze frei (unter 70 % belegt)',
        filling: 'wird voll (70–89 % belegt)',
        full: 'fast oder ganz voll (ab 90 %)',
        unknown: 'geschlossen oder keine aktuellen Daten',
      },
      abfallbehaelter: {
        low: 'unter 50 % gefüllt',
        half: 'ab 50 % gefüllt',
        due: 'zu leeren (Schwelle erreicht)',
        unknown: 'kein aktueller Messwert',
      },
      projekte: { other: 'Idee, pausiert oder eingestellt' },
    },
    facts: {
      approximate: 'Lage ungefähr (Mitte des Stadtteils)',
      noReading: 'keine aktuellen Daten',
      parking: '{{free}} von {{capacity}} Plätzen frei ({{rate}} % belegt)',
      updated: 'Stand: {{time}}',
      simulated: 'simulierte Werte',
      fill: 'Füllstand {{fill}} % (Leerung ab {{threshold}} %)',
      silent: 'Sensor meldet sich nicht',
      report: 'Meldung {{id}}: {{category}}',
      reported: 'gemeldet am {{date}}',
      demo: 'Demodaten',
      byDistricts: 'Ort: die Stadtteile des Projekts',
      households: '{{formatted}} Haushalte angeschlossen',
      households_one: '{{formatted}} Haushalt angeschlossen',
    },
    wasteKind: { glass: 'Altglas', paper: 'Papier', residual: 'Restmüll', bio: 'Bioabfall', textile: 'Altkleider' },
    search: {
      label: 'Ort suchen',
      hint: 'Stadtteil, Parkhaus oder Projekt',
      submit: 'Suchen',
      results: '{{count}} Treffer',
      results_one: '{{count}} Treffer',
      none: 'Kein Stadtteil, Parkhaus oder Projekt passt zu „{{q}}“.',
      loading: 'Suche läuft …',
    },
    selected: {
      heading: 'Ausgewählt',
      open: 'Seite öffnen',
      clear: 'Auswahl aufheben',
    },
    mapLabel: 'Karte des GeoPortals',
    list: {
      caption: 'Objekte im Kartenausschnitt: {{count}}',
      captionAll: 'Alle Objekte der eingeschalteten Ebenen: {{count}}',
      hint: 'Pfeiltasten auf und ab wechseln zwischen den Zeilen; Eingabetaste wählt ein Objekt und zeigt es auf der Karte.',
      layer: 'Ebene',
      name: 'Name',
      state: 'Zustand',
      facts: 'Angaben',
      none: 'Keine Ebene eingeschaltet oder nichts im Kartenausschnitt.',
      show: 'Liste der Objekte im Kartenausschnitt ({{count}})',
      more: 'Es werden die ersten {{shown}} von {{count}} Objekten gezeigt. Vergrößern Sie die Karte, um weniger Objekte zu sehen.',
      truncated: 'Die Ebene „{{layer}}“ hat mehr Objekte, als die Karte lädt.',
    },
    share: {
      heading: 'Link und Einbettung',
      intro:
        'Der Link hält Ausschnitt, Ebenen und Auswahl fest. Mit dem Einbettungscode zeigen andere Websites diese Karte ohne Anmeldung.',
      link: 'Link zu dieser Ansicht',
      copyLink: 'Link kopieren',
      embed: 'Einbettungscode (iframe)',
      copyEmbed: 'Einbettungscode kopieren',
    },
  },
};

const en: typeof de = {
  geoportal: {
    title: 'GeoPortal',
    intro:
      'The map shows districts, car parks with their occupancy, waste containers with their fill level, damage reports, Smart City projects and the fibre expansion. Everything in the map view is also in the list below the map.',
    ogc: 'Every layer is also available as OGC API – Features (GeoJSON) for QGIS, Masterportal and other GIS:',
    embedTitle: 'Map of {{city}}',
    openFull: 'Open in the GeoPortal (new window)',
    layers: {
      legend: 'Layers and legend',
      hint: 'Switch layers on and off. Colours always come with a symbol and a word, in the legend and in the list.',
      loading: 'loading …',
      failed: 'could not be loaded',
      count: '{{count}} features',
      count_one: '{{count}} feature',
      stadtteile: 'Districts',
      parkhaeuser: 'Car parks (occupancy)',
      abfallbehaelter: 'Waste containers (fill level)',
      schadensmeldungen: 'Damage reports (status)',
      projekte: 'Smart City projects',
      glasfaser: 'Fibre expansion per district',
    },
    class: {
      stadtteile: { district: 'District (approximate centre)' },
      parkhaeuser: {
        free: 'plenty of spaces (under 70 % occupied)',
        filling: 'filling up (70–89 % occupied)',
        full: 'nearly or completely full (90 % and more)',
        unknown: 'closed or no current data',
      },
      abfallbehaelter: {
        low: 'under 50 % full',
        half: '50 % full or more',
        due: 'to be emptied (threshold reached)',
        unknown: 'no current reading',
      },
      projekte: { other: 'idea, paused or discontinued' },
    },
    facts: {
      approximate: 'Approximate position (centre of the district)',
      noReading: 'no current data',
      parking: '{{free}} of {{capacity}} spaces free ({{rate}} % occupied)',
      updated: 'As of {{time}}',
      simulated: 'simulated values',
      fill: 'Fill level {{fill}} % (emptied from {{threshold}} %)',
      silent: 'sensor is silent',
      report: 'Report {{id}}: {{category}}',
      reported: 'reported on {{date}}',
      demo: 'demo data',
      byDistricts: 'Place: the project’s districts',
      households: '{{formatted}} households connected',
      households_one: '{{formatted}} household connected',
    },
    wasteKind: { glass: 'Glass', paper: 'Paper', residual: 'Residual waste', bio: 'Organic waste', textile: 'Textiles' },
    search: {
      label: 'Find a place',
      hint: 'District, car park or project',
      submit: 'Search',
      results: '{{count}} results',
      results_one: '{{count}} result',
      none: 'No district, car park or project matches “{{q}}”.',
      loading: 'Searching …',
    },
    selected: {
      heading: 'Selected',
      open: 'Open page',
      clear: 'Clear selection',
    },
    mapLabel: 'GeoPortal map',
    list: {
      caption: 'Features in the map view: {{count}}',
      captionAll: 'All features of the layers switched on: {{count}}',
      hint: 'Arrow up and down move between rows; Enter selects a feature and shows it on the map.',
      layer: 'Layer',
      name: 'Name',
      state: 'State',
      facts: 'Details',
      none: 'No layer switched on, or nothing in the map view.',
      show: 'List of the features in the map view ({{count}})',
      more: 'Showing the first {{shown}} of {{count}} features. Zoom in to see fewer.',
      truncated: 'The layer “{{layer}}” has more features than the map loads.',
    },
    share: {
      heading: 'Link and embedding',
      intro: 'The link keeps the view, layers and selection. With the embed code, other websites show this map without a login.',
      link: 'Link to this view',
      copyLink: 'Copy link',
      embed: 'Embed code (iframe)',
      copyEmbed: 'Copy embed code',
    },
  },
};

i18n.addResourceBundle('de', 'translation', de, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
