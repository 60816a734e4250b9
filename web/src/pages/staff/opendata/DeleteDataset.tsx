/**
 * Deleting an external dataset in two steps: "Datensatz löschen" asks, then a second button that
 * says what it does confirms (Cancel goes back). Focus follows each step, so keyboard and screen-reader
 * users land on the question's answer and, after cancelling, back on the first button. After the
 * delete the list page shows the confirmation.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice } from '../../../components/Notice';
import { useSubmit } from '../../../lib/useSubmit';
import { DATASETS_PATH } from './OpendataAdminRoutes';

export function DeleteDataset({ slug, title }: { slug: string; title: string }) {
  const { t } = useTranslation();
  const e = (key: string, o?: Record<string, unknown>) => t(`opendataStaff.edit.${key}`, o);
  const navigate = useNavigate();
  const submit = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Only a step the person took moves focus, not the first render.
  const stepped = useRef(false);

  useEffect(() => {
    if (!stepped.current) return;
    (confirming ? confirmRef : askRef).current?.focus();
  }, [confirming]);

  const step = (next: boolean) => {
    stepped.current = true;
    submit.reset();
    setConfirming(next);
  };

  async function remove() {
    if (submit.pending) return;
    const ok = await submit.run(async () => {
      await api<unknown>(`/api/opendata/datasets/${encodeURIComponent(slug)}`, { method: 'DELETE' });
    });
    if (ok) await navigate(DATASETS_PATH, { state: { deleted: title } });
  }

  return (
    <section aria-labelledby="od-delete">
      <h2 id="od-delete">{e('delete')}</h2>
      <p>{e('deleteIntro')}</p>
      <ErrorNotice error={submit.error} />
      {confirming ? (
        <div role="group" aria-labelledby="od-delete-question">
          <p id="od-delete-question">
            <strong>{e('deleteQuestion', { title })}</strong>
          </p>
          <p className="actions">
            <button
              ref={confirmRef}
              type="button"
              className="button"
              aria-disabled={submit.pending || undefined}
              onClick={() => void remove()}
            >
              {submit.pending ? e('deleting') : e('deleteConfirm')}
            </button>{' '}
            <button type="button" className="button button--secondary" onClick={() => step(false)}>
              {t('staffModules.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <p className="actions">
          <button ref={askRef} type="button" className="button button--secondary" onClick={() => step(true)}>
            {e('delete')}
          </button>
        </p>
      )}
    </section>
  );
}
