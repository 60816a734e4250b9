/**
 * One report for staff: the facts beside the map, description, photos with release and hide, the
 * workflow forms (status with public and internal note, forward, merge as duplicate) and the whole
 * note history, internal notes included.
 */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { MapView } from '../../../components/map/MapView';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { DemoNotice, STATUS_STYLE } from '../../reports/shared';
import { ModulePage } from '../shared/ModulePage';
import { useCanWrite } from '../shared/useCanWrite';
import { NoteHistory } from './NoteHistory';
import { PhotoModeration } from './PhotoModeration';
import { ForwardForm, MergeForm, StatusForm } from './ReportActions';
import { ReportFacts } from './ReportFacts';
import { REPORTS_STAFF_PATH, ReportsStaffNav } from './ReportsStaffRoutes';
import type { StaffDetail } from './types';

export default function ReportDetailPage() {
  const { t } = useTranslation();
  const d = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.detail.${key}`, o);
  const { id = '' } = useParams();
  const valid = /^\d{1,15}$/.test(id);
  const record = useApi<StaffDetail>(valid ? `/api/reports/requests/${id}` : null);
  const canWrite = useCanWrite('reports');
  const report = record.data;
  const title = report ? d('title', { id, category: report.serviceName }) : t('reportsStaff.title');
  const notFound = !valid || (record.error instanceof ApiError && record.error.status === 404);
  const location = report && report.lat !== null && report.long !== null ? { lat: report.lat, lng: report.long } : null;

  return (
    <ModulePage title={title} nav={<ReportsStaffNav />} writes="reports">
      <p>
        <Link to={REPORTS_STAFF_PATH}>{d('back')}</Link>
        {report ? (
          <>
            {' · '}
            <Link to={`/schadensmelder/${report.id}`}>{d('publicPage')}</Link>
          </>
        ) : null}
      </p>
      {notFound ? <p>{d('notFound')}</p> : <ErrorNotice error={report ? null : record.error} />}
      {record.loading && !report ? <Loading /> : null}
      {report ? (
        <>
          <DemoNotice show={report.demo} />
          <section aria-labelledby="staff-report-facts">
            <h2 id="staff-report-facts">{d('facts')}</h2>
            {location ? (
              <MapView
                label={d('mapLabel', { id })}
                features={[
                  {
                    id,
                    lat: location.lat,
                    lng: location.lng,
                    label: report.serviceName,
                    colour: STATUS_STYLE[report.status].colour,
                  },
                ]}
                selectedId={id}
                centre={location}
                zoom={16}
                alternative={<ReportFacts report={report} />}
              />
            ) : (
              <ReportFacts report={report} />
            )}
          </section>
          <section aria-labelledby="staff-report-description">
            <h2 id="staff-report-description">{d('description')}</h2>
            {report.descriptionPublic ? null : <p className="notice notice--info">{d('descriptionHeld')}</p>}
            <p className="report-text">{report.description}</p>
          </section>
          <section aria-labelledby="staff-report-photos">
            <h2 id="staff-report-photos">{d('photos')}</h2>
            <PhotoModeration report={report} canWrite={canWrite} onSaved={record.reload} />
          </section>
          {canWrite ? (
            <>
              <StatusForm report={report} onSaved={record.reload} />
              <ForwardForm report={report} onSaved={record.reload} />
              {report.status === 'duplicate' ? null : <MergeForm report={report} onSaved={record.reload} />}
            </>
          ) : null}
          <NoteHistory notes={report.notes} />
        </>
      ) : null}
    </ModulePage>
  );
}
