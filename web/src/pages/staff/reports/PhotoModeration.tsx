/**
 * The report's photos with their state in words, and buttons to release or hide each one
 * (PATCH /api/reports/photos/{id}). Staff load every photo, released or not, from this origin.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useSubmit } from '../../../lib/useSubmit';
import { photoPaths } from '../../reports/shared';
import type { StaffDetail, StaffPhoto } from './types';

interface Props {
  report: StaffDetail;
  canWrite: boolean;
  onSaved: () => void;
}

export function PhotoModeration({ report, canWrite, onSaved }: Props) {
  const { t } = useTranslation();
  const d = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.detail.${key}`, o);
  const submit = useSubmit();
  const [done, setDone] = useState('');

  async function patch(photo: StaffPhoto, n: number, body: { released?: boolean; hidden?: boolean }) {
    if (submit.pending) return;
    setDone('');
    const ok = await submit.run(async () => {
      await api(`/api/reports/photos/${photo.id}`, { method: 'PATCH', body });
    });
    if (ok) {
      setDone(d('photoSaved', { n }));
      onSaved();
    }
  }

  if (!report.photos.length) return <p>{d('noPhotos')}</p>;
  return (
    <>
      <ul className="report-photos">
        {report.photos.map((p, i) => {
          const n = i + 1;
          const paths = photoPaths(p.url) ?? { full: `/api/reports/photos/${p.id}`, thumb: `/api/reports/photos/${p.id}/thumb` };
          const state = [
            p.released ? d('released') : d('notReleased'),
            ...(p.hidden ? [d('hidden')] : []),
            ...(p.redacted ? [d('redacted')] : []),
          ];
          return (
            <li key={p.id}>
              <a href={paths.full}>
                <img src={paths.thumb} alt={d('photo', { n, id: report.id })} loading="lazy" />
              </a>
              <p>{d('photoState', { n, state: state.join(', ') })}</p>
              {canWrite ? (
                <p className="row-actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void patch(p, n, { released: !p.released })}
                  >
                    {p.released ? d('unrelease', { n }) : d('release', { n })}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void patch(p, n, { hidden: !p.hidden })}
                  >
                    {p.hidden ? d('unhide', { n }) : d('hide', { n })}
                  </button>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ErrorNotice error={submit.error} />
      <StatusNotice>{done || null}</StatusNotice>
    </>
  );
}
