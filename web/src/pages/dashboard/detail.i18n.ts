/** Texts of the detail views (/dashboard/<tile>), loaded with their chunk only. */
import i18n from '../../i18n';

const de = {
  dashboard: {
    detail: {
      pageTitle: '{{title}}: Verlauf',
      back: 'Zurück zum Dashboard',
      loading: 'Die Werte werden geladen …',
      chartLoading: 'Das Diagramm wird geladen …',
      chartCaption: 'Das Diagramm zeigt die Werte der Tabelle daneben.',
      noTimeSeries: 'Für den Glasfaserausbau gibt es keinen Verlauf: Das Diagramm zeigt den heutigen Stand je Stadtteil.',
      range: 'Zeitraum',
      presets: { '24h': '24 Stunden', '7d': '7 Tage', '30d': '30 Tage', '12m': '12 Monate' },
      custom: 'Eigener Zeitraum',
      customHint: 'Datum und Uhrzeit; höchstens ein Jahr.',
      customInvalid: 'Bitte geben Sie einen Beginn vor dem Ende an.',
      from: 'Von',
      to: 'Bis',
      apply: 'Zeitraum anzeigen',
      compareLabel: 'Vergleichen mit',
      compare: { none: 'keinem Zeitraum', previous: 'dem Zeitraum davor', lastYear: 'dem gleichen Zeitraum im Vorjahr' },
      rangeHeading: 'Von {{from}} bis {{to}}',
      comparedWith: 'verglichen mit {{from}} bis {{to}}',
      byDistrict: 'Stand je Stadtteil',
      period: 'Zeitraum',
      comparePeriod: 'Vergleich: {{compare}}',
      csv: 'CSV-Datei mit genau diesem Zeitraum herunterladen',
      moreTitle: 'Mehr dazu',
      moduleLink: '{{title}}: ausführliche Seite',
      embedText: 'Sie können diese Kachel in Ihre eigene Internetseite einbinden. Der Code zeigt sie dort immer aktuell an.',
    },
    series: {
      columns: {
        sites: 'Parkhäuser mit Meldung',
        meanFillPct: 'mittlerer Füllstand (%)',
        containers: 'Behälter mit Meldung',
      },
    },
  },
};

const en: typeof de = {
  dashboard: {
    detail: {
      pageTitle: '{{title}}: over time',
      back: 'Back to the dashboard',
      loading: 'Loading the figures …',
      chartLoading: 'Loading the chart …',
      chartCaption: 'The chart shows the figures of the table beside it.',
      noTimeSeries: 'The fibre expansion has no history: the chart shows today’s state per district.',
      range: 'Time range',
      presets: { '24h': '24 hours', '7d': '7 days', '30d': '30 days', '12m': '12 months' },
      custom: 'Your own time range',
      customHint: 'Date and time; at most one year.',
      customInvalid: 'Please give a start before the end.',
      from: 'From',
      to: 'To',
      apply: 'Show time range',
      compareLabel: 'Compare with',
      compare: { none: 'nothing', previous: 'the period before', lastYear: 'the same period last year' },
      rangeHeading: 'From {{from}} to {{to}}',
      comparedWith: 'compared with {{from}} to {{to}}',
      byDistrict: 'State per district',
      period: 'Period',
      comparePeriod: 'Comparison: {{compare}}',
      csv: 'Download a CSV file of exactly this time range',
      moreTitle: 'More on this',
      moduleLink: '{{title}}: full page',
      embedText: 'You can embed this tile in your own website. The code always shows it up to date.',
    },
    series: {
      columns: {
        sites: 'car parks reporting',
        meanFillPct: 'mean fill level (%)',
        containers: 'containers reporting',
      },
    },
  },
};

i18n.addResourceBundle('de', 'translation', de, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
