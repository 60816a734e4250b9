/**
 * Texts of the dashboard tiles on the start page. They travel with the start page's chunk and are
 * merged into the translation namespace, so the shell's locale files stay small. The explanation of
 * each figure comes with the API answer (DE and EN), so embeds and other clients show the same text.
 */
import i18n from '../../i18n';

const de = {
  dashboard: {
    title: 'Smart City Dashboard',
    intro:
      'Aktuelle Zahlen aus der Stadt auf einen Blick. Jede Kachel sagt, wie frisch ihre Daten sind, woher sie kommen und wo es Einzelheiten gibt.',
    loading: 'Die Kennzahlen werden geladen …',
    failed: 'Die Kennzahlen konnten gerade nicht geladen werden. Wir versuchen es in einer Minute erneut.',
    updated: 'aktualisiert {{ago}}',
    justNow: 'aktualisiert gerade eben',
    noDate: 'ohne Zeitangabe',
    stale: 'Veraltet: Die letzten Daten sind zu alt.',
    unavailable: 'Nicht verfügbar: Die Daten können gerade nicht gelesen werden.',
    simulated: 'Simuliert: Die Werte stammen aus einer Simulation, nicht von echten Sensoren.',
    demo: 'Enthält Demodaten.',
    source: 'Offene Daten: {{title}}',
    details: 'Details: {{title}}',
    embedCopy: 'Einbettungscode kopieren: {{title}}',
    easyRead: 'Das Dashboard in Leichter Sprache',
    tableCaption: '{{title}}: Tabelle',
    moreRows: '{{shown}} von {{total}} Zeilen gezeigt; alle unter „Details“.',
    tiles: {
      'services-online': {
        title: 'Verwaltungsleistungen online',
        sub: '{{online}} von {{total}} Leistungen',
        trend: '{{trend}} Prozentpunkte in zwölf Monaten',
      },
      'projects-by-status': {
        title: 'Smart-City-Projekte',
        sub: '{{live}} in Betrieb, {{in_development}} in Entwicklung, {{planned}} geplant',
      },
      parking: { title: 'Freie Parkplätze', sub: 'in {{freshSites}} von {{sites}} Parkhäusern mit aktueller Meldung' },
      waste: { title: 'Abfallbehälter zur Leerung', sub: 'von {{containers}} Behältern' },
      reports: {
        title: 'Schadensmeldungen diesen Monat',
        sub: '{{resolved}} erledigt; Median bis zur Erledigung: {{median}}',
        noMedian: 'noch keine erledigt',
      },
      fibre: { title: 'Glasfaserausbau', sub: 'Stadtteile mit Glasfaser, {{underConstruction}} im Bau, {{planned}} geplant' },
    },
    unit: {
      percent: 'online',
      count: 'gesamt',
      spaces: 'freie Plätze',
      districts: 'Stadtteile',
    },
    hours: '{{value}} Std.',
    columns: {
      shareOnline: 'Anteil online (%)',
      online: 'online',
      total: 'gesamt',
      count: 'Anzahl',
      free: 'frei',
      capacity: 'Plätze',
      updatedAt: 'Stand',
      district: 'Stadtteil',
      fillPct: 'Füllstand (%)',
      value: 'Wert',
      status: 'Stand',
      householdsPassed: 'Haushalte angeschlossen',
    },
    rowLabel: 'Bezeichnung',
    keys: {
      idea: 'Idee',
      planned: 'geplant',
      in_development: 'in Entwicklung',
      live: 'in Betrieb',
      paused: 'pausiert',
      discontinued: 'eingestellt',
      opened: 'gemeldet',
      resolved: 'erledigt',
      medianHoursToResolution: 'Median bis zur Erledigung (Stunden)',
    },
    districtStatus: { available: 'verfügbar', under_construction: 'im Bau', planned: 'geplant' },
    staleRow: 'veraltet',
  },
};

const en: typeof de = {
  dashboard: {
    title: 'Smart City Dashboard',
    intro:
      'Current figures from the city at a glance. Each tile says how fresh its data is, where it comes from and where to find the details.',
    loading: 'Loading the figures …',
    failed: 'The figures could not be loaded just now. We will try again in a minute.',
    updated: 'updated {{ago}}',
    justNow: 'updated just now',
    noDate: 'no time given',
    stale: 'Out of date: the latest data is too old.',
    unavailable: 'Unavailable: the data cannot be read just now.',
    simulated: 'Simulated: the values come from a simulation, not from real sensors.',
    demo: 'Includes demo data.',
    source: 'Open data: {{title}}',
    details: 'Details: {{title}}',
    embedCopy: 'Copy embed code: {{title}}',
    easyRead: 'The dashboard in plain language',
    tableCaption: '{{title}}: table',
    moreRows: '{{shown}} of {{total}} rows shown; all under “Details”.',
    tiles: {
      'services-online': {
        title: 'Administrative services online',
        sub: '{{online}} of {{total}} services',
        trend: '{{trend}} percentage points in twelve months',
      },
      'projects-by-status': {
        title: 'Smart city projects',
        sub: '{{live}} live, {{in_development}} in development, {{planned}} planned',
      },
      parking: { title: 'Free parking spaces', sub: 'in {{freshSites}} of {{sites}} car parks with a recent reading' },
      waste: { title: 'Waste containers to empty', sub: 'of {{containers}} containers' },
      reports: {
        title: 'Damage reports this month',
        sub: '{{resolved}} resolved; median time to resolution: {{median}}',
        noMedian: 'none resolved yet',
      },
      fibre: {
        title: 'Fibre expansion',
        sub: 'districts with fibre, {{underConstruction}} under construction, {{planned}} planned',
      },
    },
    unit: {
      percent: 'online',
      count: 'in total',
      spaces: 'free spaces',
      districts: 'districts',
    },
    hours: '{{value}} h',
    columns: {
      shareOnline: 'Share online (%)',
      online: 'online',
      total: 'total',
      count: 'Number',
      free: 'free',
      capacity: 'spaces',
      updatedAt: 'As of',
      district: 'District',
      fillPct: 'Fill level (%)',
      value: 'Value',
      status: 'Status',
      householdsPassed: 'Households connected',
    },
    rowLabel: 'Name',
    keys: {
      idea: 'idea',
      planned: 'planned',
      in_development: 'in development',
      live: 'live',
      paused: 'paused',
      discontinued: 'discontinued',
      opened: 'reported',
      resolved: 'resolved',
      medianHoursToResolution: 'Median time to resolution (hours)',
    },
    districtStatus: { available: 'available', under_construction: 'under construction', planned: 'planned' },
    staleRow: 'out of date',
  },
};

i18n.addResourceBundle('de', 'translation', de, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
