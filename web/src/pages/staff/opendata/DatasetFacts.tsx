/**
 * A dataset's metadata and governance as description lists, for what the person may not edit here:
 * the metadata of platform datasets (their module maintains it) and everything for staff without
 * write access. The terms are the form's labels, so both views speak alike.
 */
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { Time } from '../shared/notes';
import { textLang, type StaffDataset } from './types';

function Facts({ id, heading, facts }: { id: string; heading: string; facts: [string, ReactNode][] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <dl>
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

export function MetadataFacts({ dataset: d }: { dataset: StaffDataset }) {
  const { t, i18n } = useTranslation();
  const l = (key: string) => t(`opendataStaff.form.${key}`);
  const none = t('staffModules.none');
  const temporal =
    d.temporal.start || d.temporal.end
      ? t('opendataStaff.edit.temporal', {
          start: d.temporal.start ? formatDate(d.temporal.start) : none,
          end: d.temporal.end ? formatDate(d.temporal.end) : none,
        })
      : none;
  return (
    <Facts
      id="od-metadata"
      heading={l('metadata')}
      facts={[
        [l('titleDe'), d.title.de],
        [l('titleEn'), d.title.en],
        [l('descriptionDe'), d.description.de],
        [l('descriptionEn'), d.description.en],
        [l('licence'), d.licence],
        [l('attributionText'), d.attributionText],
        [l('accrualPeriodicity'), t(`opendata.frequency.${d.accrualPeriodicity}`, d.accrualPeriodicity)],
        [l('themes'), d.themes.map((x) => t(`opendata.themes.${x.toLowerCase()}`, x)).join(', ') || none],
        [l('keywords'), d.keywords.join(', ') || none],
        [t('opendata.dataset.temporal'), temporal],
        [l('landingPage'), d.landingPage ? <a href={d.landingPage}>{d.landingPage}</a> : none],
        [
          t('opendataStaff.edit.data'),
          <ul key="data">
            {d.distributions.map((x) => (
              <li key={x.key}>
                {x.title[textLang(i18n.language)]} ({x.format})
              </li>
            ))}
          </ul>,
        ],
        [t('opendata.dataset.modified'), <Time key="m" at={d.modified} />],
      ]}
    />
  );
}

export function GovernanceFacts({ dataset: d }: { dataset: StaffDataset }) {
  const { t } = useTranslation();
  const l = (key: string) => t(`opendataStaff.form.${key}`);
  const none = t('staffModules.none');
  const g = d.governance;
  return (
    <Facts
      id="od-governance"
      heading={l('governance')}
      facts={[
        [l('owningOffice'), g.owningOffice ?? none],
        [l('dataSteward'), g.dataSteward ?? none],
        [l('sourceSystem'), g.sourceSystem ?? none],
        [
          l('promisedFrequency'),
          g.promisedFrequency ? t(`opendata.frequency.${g.promisedFrequency}`, g.promisedFrequency) : none,
        ],
        [l('visibility'), l(g.visibility === 'internal' ? 'internal' : 'public')],
        [t('opendataStaff.edit.overdue'), t(g.overdue ? 'staffModules.yes' : 'staffModules.no')],
        [l('qualityNotes'), g.qualityNotes ?? none],
      ]}
    />
  );
}
