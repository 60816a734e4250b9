/** Admins edit the four legal/service pages and read accessibility feedback. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_SLUGS, type ContentSlug } from '../../../api/types';
import { Field } from '../../../components/Field';
import { LANGUAGES, type Language } from '../../../i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ContentEditor } from './ContentEditor';
import { FeedbackList } from './FeedbackList';

export default function ContentAdminPage() {
  const { t } = useTranslation();
  const [slug, setSlug] = useState<ContentSlug>('impressum');
  const [lang, setLang] = useState<Language>('de');
  useDocumentTitle(t('staff.content.title'));

  return (
    <div className="page">
      <h1>{t('staff.content.title')}</h1>
      <section className="panel" aria-labelledby="content-edit-title">
        <h2 id="content-edit-title">{t('staff.content.editTitle')}</h2>
        <div className="filters__grid">
          <Field id="content-slug" label={t('staff.content.page')}>
            {(p) => (
              <select {...p} value={slug} onChange={(e) => setSlug(e.target.value as ContentSlug)}>
                {CONTENT_SLUGS.map((s) => (
                  <option key={s} value={s}>
                    {t(`content.titles.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="content-lang" label={t('staff.content.language')}>
            {(p) => (
              <select {...p} value={lang} onChange={(e) => setLang(e.target.value as Language)}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ContentEditor key={`${slug}:${lang}`} slug={slug} lang={lang} />
      </section>
      <FeedbackList />
    </div>
  );
}
