/** Texts shared by the back-office pages of parking and waste, merged when their chunk loads. */
import i18n from '../../../i18n';

const de = {
  staffModules: {
    simulated: 'simuliert',
    stale: 'veraltet',
    yes: 'ja',
    no: 'nein',
    unknown: 'unbekannt',
    none: '–',
    edit: 'Bearbeiten',
    editNamed: 'Bearbeiten: {{name}}',
    save: 'Speichern',
    saved: 'Gespeichert.',
    cancel: 'Abbrechen',
    optional: '{{label}} (optional)',
    readOnly: 'Sie können diese Daten ansehen. Ändern dürfen Administratoren und Redakteure mit dem Modul „{{module}}“.',
    readOnlyAdmins: 'Sie können diese Daten ansehen. Ändern dürfen nur Administratoren.',
    lat: 'Breitengrad',
    lon: 'Längengrad',
    coordHint: 'Dezimalgrad, z. B. 50,3569 und 7,5886.',
    reload: 'Aktualisieren',
    rejections: {
      title: 'Abgelehnte Eingaben',
      at: 'Eingang',
      source: 'Quelle',
      field: 'Feld',
      reason: 'Grund',
    },
  },
};

const en: typeof de = {
  staffModules: {
    simulated: 'simulated',
    stale: 'stale',
    yes: 'yes',
    no: 'no',
    unknown: 'unknown',
    none: '–',
    edit: 'Edit',
    editNamed: 'Edit: {{name}}',
    save: 'Save',
    saved: 'Saved.',
    cancel: 'Cancel',
    optional: '{{label}} (optional)',
    readOnly: 'You can view this data. Administrators and editors with the module "{{module}}" can change it.',
    readOnlyAdmins: 'You can view this data. Only administrators can change it.',
    lat: 'Latitude',
    lon: 'Longitude',
    coordHint: 'Decimal degrees, e.g. 50.3569 and 7.5886.',
    reload: 'Refresh',
    rejections: {
      title: 'Rejected input',
      at: 'Received',
      source: 'Source',
      field: 'Field',
      reason: 'Reason',
    },
  },
};

i18n.addResourceBundle('de', 'translation', de, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
