/** The facts of a report as a description list; beside the map it is the map's text alternative. */
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDistrictName } from '../../../components/DistrictOptions';
import { StatusBadge } from '../../reports/shared';
import { Time } from '../shared/notes';
import { REPORTS_STAFF_PATH } from './ReportsStaffRoutes';
import type { StaffDetail } from './types';

export function ReportFacts({ report }: { report: StaffDetail }) {
  const { t } = useTranslation();
  const d = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.detail.${key}`, o);
  const districtName = useDistrictName();
  const email = !report.hasEmail ? d('emailNone') : report.emailConfirmed ? d('emailConfirmed') : d('emailUnconfirmed');
  const facts: [string, ReactNode][] = [
    [d('status'), <StatusBadge key="s" status={report.status} />],
    [d('category'), report.serviceName],
    [d('office'), report.office],
    [d('reported'), <Time key="r" at={report.requestedAt} />],
    [
      d('due'),
      <>
        <Time at={report.dueAt} />
        {report.overdue ? (
          <>
            {' '}
            <span className="tag tag--problem">{t('reportsStaff.inbox.overdueTag')}</span>
          </>
        ) : null}
      </>,
    ],
  ];
  if (report.district) facts.push([d('district'), districtName(report.district)]);
  if (report.address) facts.push([d('address'), report.address]);
  if (report.lat !== null && report.long !== null) facts.push([d('coordinates'), `${report.lat}, ${report.long}`]);
  facts.push(
    [d('supporters'), String(report.supporters)],
    [d('channel'), report.channel],
    [d('email'), email],
    [d('published'), report.published ? t('staffModules.yes') : t('staffModules.no')],
  );
  if (report.duplicateOf)
    facts.push([
      d('duplicateOf'),
      <Link key="dup" to={`${REPORTS_STAFF_PATH}/${report.duplicateOf}`}>
        {report.duplicateOf}
      </Link>,
    ]);
  return (
    <dl className="report-facts">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
