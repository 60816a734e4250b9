import { useTranslation } from 'react-i18next';
import type { Feedback } from '../../../api/types';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';

/** Messages sent through the form on the accessibility statement page, newest as delivered by the API. */
export function FeedbackList() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi<{ items: Feedback[] }>('/api/content/feedback');
  return (
    <section aria-labelledby="feedback-list-title">
      <h2 id="feedback-list-title">{t('staff.content.feedbackTitle')}</h2>
      {loading ? <Loading /> : null}
      <ErrorNotice error={error} />
      {data && !data.items.length ? <p>{t('staff.content.feedbackEmpty')}</p> : null}
      {data?.items.length ? (
        <ul className="feedback-list">
          {data.items.map((f) => (
            <li key={f.id} className="card">
              <h3>
                <time dateTime={f.createdAt}>{formatDateTime(f.createdAt)}</time>
                {' – '}
                {f.name || t('staff.content.anonymous')}
              </h3>
              <p className="pre-wrap">{f.message}</p>
              <dl className="meta-list">
                {f.email ? (
                  <>
                    <dt>{t('feedback.email')}</dt>
                    <dd>
                      <a href={`mailto:${f.email}`}>{f.email}</a>
                    </dd>
                  </>
                ) : null}
                {f.pageUrl ? (
                  <>
                    <dt>{t('feedback.pageUrl')}</dt>
                    <dd className="break">{f.pageUrl}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
