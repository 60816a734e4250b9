/**
 * The report's photos with their state in words, and buttons to release, hide or black out parts of
 * each one (PATCH /api/reports/photos/{id}). Staff load every photo, released or not, from this origin;
 * a counter in the image addresses makes the browser load a photo again after it was changed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useSubmit } from '../../../lib/useSubmit';
import { photoPaths } from '../../reports/shared';
import { PhotoRedactor } from './PhotoRedactor';
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
  const [redacting, setRedacting] = useState<number | null>(null);
  const [version, setVersion] = useState(0);

  function saved(message: string) {
    setDone(message);
    setVersion((v) => v + 1);
    onSaved();
  }

  async function patch(photo: StaffPhoto, n: number, body: { released?: boolean; hidden?: boolean }) {
    if (submit.pending) return;
    setDone('');
    const ok = await submit.run(async () => {
      await api(`/api/reports/photos/${photo.id}`, { method: 'PATCH', body });
    });
    if (ok) saved(d('photoSaved', { n }));
  }

  if (!report.photos.length) return <p>{d('noPhotos')}</p>;
  return (
    <>
      <ul className="report-photos">
        {report.photos.map((p, i) => {
          const n = i + 1;
          const own = photoPaths(p.url) ?? { full: `/api/reports/photos/${p.id}`, thumb: `/api/reports/photos/${p.id}/thumb` };
          const paths = { full: `${own.full}?v=${version}`, thumb: `${own.thumb}?v=${version}` };
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
                  {/* WebP cannot be decoded here, so it cannot be blacked out (the API says the same). */}
                  {p.mime === 'image/webp' ? null : (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-expanded={redacting === p.id}
                      aria-controls={redacting === p.id ? `redact-${p.id}` : undefined}
                      onClick={() => setRedacting(redacting === p.id ? null : p.id)}
                    >
                      {t('reportsStaff.redact.open', { n })}
                    </button>
                  )}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {report.photos.map((p, i) =>
        canWrite && redacting === p.id ? (
          <PhotoRedactor
            key={p.id}
            photo={p}
            n={i + 1}
            onCancel={() => setRedacting(null)}
            onSaved={(message) => {
              setRedacting(null);
              saved(message);
            }}
          />
        ) : null,
      )}
      <ErrorNotice error={submit.error} />
      <StatusNotice>{done || null}</StatusNotice>
    </>
  );
}
