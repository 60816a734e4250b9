/**
 * The dashboard explained in Leichte Sprache (rules of the Netzwerk Leichte Sprache: short sentences,
 * one statement per sentence, hard words explained, hyphens in long words) and in plain English.
 * Each section is a heading and a list of sentences, so the page renders one sentence per line.
 */
import i18n from '../../i18n';

const de = {
  dashboard: {
    easy: {
      title: 'Das Dashboard in Leichter Sprache',
      sections: [
        {
          heading: 'Was ist das Dashboard?',
          sentences: [
            'Das Dashboard ist ein Teil von dieser Internet-Seite.',
            'Sie finden das Dashboard auf der Start-Seite.',
            'Dashboard ist ein englisches Wort.',
            'Man spricht es so: däsch-bord.',
            'Ein Dashboard zeigt wichtige Zahlen auf einen Blick.',
            'Hier sind es Zahlen über die Stadt Koblenz.',
          ],
        },
        {
          heading: 'Was sind Kacheln?',
          sentences: [
            'Das Dashboard hat mehrere Kästen.',
            'Die Kästen heißen Kacheln.',
            'Jede Kachel zeigt eine Zahl.',
            'Unter der Zahl steht ein Satz.',
            'Der Satz erklärt die Zahl.',
          ],
        },
        {
          heading: 'Welche Kacheln gibt es?',
          sentences: [
            'Verwaltungs-Leistungen online: Manche Dinge können Sie bei der Stadt im Internet erledigen. Zum Beispiel einen Antrag stellen. Die Kachel zeigt, wie viele das schon sind.',
            'Smart-City-Projekte: Die Stadt macht Projekte mit Computern und Internet. Die Kachel zeigt, wie viele Projekte es gibt.',
            'Freie Park-Plätze: Die Kachel zeigt, wie viele Park-Plätze in den Park-Häusern gerade frei sind.',
            'Abfall-Behälter: Manche Müll-Behälter haben einen Sensor. Ein Sensor ist ein kleines Mess-Gerät. Der Sensor misst, wie voll der Behälter ist. Die Kachel zeigt, welche Behälter bald geleert werden müssen.',
            'Schadens-Meldungen: Sie können der Stadt Schäden melden. Zum Beispiel ein Loch in der Straße. Die Kachel zeigt, wie viele Schäden in diesem Monat gemeldet wurden. Und wie viele Schäden schon repariert sind.',
            'Glasfaser: Glasfaser ist ein Kabel für sehr schnelles Internet. Die Kachel zeigt, in welchen Stadt-Teilen es schon Glasfaser gibt.',
          ],
        },
        {
          heading: 'Wie alt sind die Zahlen?',
          sentences: [
            'In jeder Kachel steht, wann die Zahl zuletzt neu war.',
            'Zum Beispiel: aktualisiert vor 2 Minuten.',
            'Manchmal ist eine Zahl zu alt.',
            'Dann ist die Kachel grau.',
            'Und in der Kachel steht: Veraltet.',
          ],
        },
        {
          heading: 'Was finden Sie bei Details?',
          sentences: [
            'In jeder Kachel gibt es einen Link mit dem Namen Details.',
            'Dort sehen Sie, wie sich die Zahl verändert hat.',
            'Sie können einen Zeit-Raum aussuchen.',
            'Zum Beispiel die letzten 7 Tage.',
            'Ein Bild zeigt die Zahlen als Linie.',
            'Das Bild heißt Diagramm.',
            'Neben dem Bild steht eine Tabelle.',
            'In der Tabelle stehen die gleichen Zahlen.',
            'Sie können die Zahlen auch herunterladen.',
            'Die Datei heißt CSV-Datei.',
            'Sie können eine CSV-Datei mit einem Tabellen-Programm öffnen.',
          ],
        },
        {
          heading: 'Ein schweres Wort: Median',
          sentences: [
            'Bei den Schadens-Meldungen steht das Wort Median.',
            'Der Median ist eine Art Mittel-Wert.',
            'Die Hälfte der Schäden war schneller repariert.',
            'Die andere Hälfte hat länger gedauert.',
          ],
        },
        {
          heading: 'Hilfe',
          sentences: [
            'Sie verstehen etwas nicht?',
            'Dann schreiben Sie uns.',
            'Das geht auf der Seite Barriere-Freiheit.',
          ],
        },
      ],
      accessibilityLink: 'Zur Seite Barriere-Freiheit',
      dashboardLink: 'Zum Dashboard auf der Start-Seite',
    },
  },
};

const en: typeof de = {
  dashboard: {
    easy: {
      title: 'The dashboard in plain language',
      sections: [
        {
          heading: 'What is the dashboard?',
          sentences: [
            'The dashboard is part of this website.',
            'You find it on the start page.',
            'A dashboard shows important numbers at a glance.',
            'These numbers are about the city of Koblenz.',
          ],
        },
        {
          heading: 'What are tiles?',
          sentences: [
            'The dashboard has several boxes.',
            'The boxes are called tiles.',
            'Each tile shows one number.',
            'A sentence under the number explains it.',
          ],
        },
        {
          heading: 'Which tiles are there?',
          sentences: [
            'Services online: some things you can do with the city on the internet. For example, send an application. The tile shows how many these are.',
            'Smart city projects: the city runs projects with computers and the internet. The tile shows how many projects there are.',
            'Free parking spaces: the tile shows how many spaces are free in the car parks right now.',
            'Waste containers: some containers have a sensor. A sensor is a small measuring device. It measures how full the container is. The tile shows which containers must be emptied soon.',
            'Damage reports: you can tell the city about damage. For example, a hole in the road. The tile shows how much damage was reported this month. It also shows how much is already repaired.',
            'Fibre: fibre is a cable for very fast internet. The tile shows in which parts of the city there is fibre already.',
          ],
        },
        {
          heading: 'How old are the numbers?',
          sentences: [
            'Each tile says when its number was last new.',
            'For example: updated 2 minutes ago.',
            'Sometimes a number is too old.',
            'Then the tile is grey.',
            'And the tile says: out of date.',
          ],
        },
        {
          heading: 'What is behind Details?',
          sentences: [
            'Each tile has a link called Details.',
            'There you see how the number changed.',
            'You can choose a time range.',
            'For example, the last 7 days.',
            'A picture shows the numbers as a line.',
            'The picture is called a chart.',
            'Next to the chart is a table.',
            'The table has the same numbers.',
            'You can also download the numbers.',
            'The file is called a CSV file.',
            'You can open a CSV file with a spreadsheet program.',
          ],
        },
        {
          heading: 'A hard word: median',
          sentences: [
            'The damage reports tile uses the word median.',
            'The median is a kind of average.',
            'Half of the damage was repaired faster.',
            'The other half took longer.',
          ],
        },
        {
          heading: 'Help',
          sentences: ['Is something unclear?', 'Then write to us.', 'You can do this on the page Accessibility.'],
        },
      ],
      accessibilityLink: 'Go to the page Accessibility',
      dashboardLink: 'Go to the dashboard on the start page',
    },
  },
};

i18n.addResourceBundle('de', 'translation', de, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
