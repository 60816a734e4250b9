/**
 * Texts of the map component. They travel with the component and are merged into the
 * translation namespace when a page that shows a map loads (pattern: pages/catalog/i18n.ts).
 */
import i18n from '../../i18n';

const de = {
  map: {
    loading: 'Karte wird geladen …',
    unavailable: 'Die Karte kann in diesem Browser nicht angezeigt werden. Alle Angaben stehen auch in der Liste.',
    keys: 'Tastatur: Karte mit Tab auswählen, mit den Pfeiltasten verschieben, mit + und − zoomen.',
    keysPick:
      'Eingabe- oder Leertaste setzt die Markierung in die Kartenmitte (Fadenkreuz); ein Klick oder Tippen setzt sie an diese Stelle.',
    picked: 'Markierung gesetzt: {{lat}}, {{lng}}',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    resetNorth: 'Nach Norden ausrichten',
  },
};

const en: typeof de = {
  map: {
    loading: 'Loading the map …',
    unavailable: 'The map cannot be shown in this browser. Everything on it is also in the list.',
    keys: 'Keyboard: Tab to the map, move it with the arrow keys, zoom with + and −.',
    keysPick: 'Enter or Space puts the marker at the centre of the map (cross-hair); a click or tap puts it there.',
    picked: 'Marker set: {{lat}}, {{lng}}',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetNorth: 'Reset bearing to north',
  },
};

i18n.addResourceBundle('de', 'translation', de, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
