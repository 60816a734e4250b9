import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { ContentSlug, ContentSource } from '../../../api/types';
import { Field } from '../../../components/Field';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useApi } from '../../../lib/useApi';
import { useSubmit } from '../../../lib/useSubmit';

/** Title + Markdown for one page and language. A page without text yet starts empty (404). */
export function ContentEditor({ slug, lang }: { slug: ContentSlug; lang: string }) {
  const { t } = useTranslation();
  const source = useApi<ContentSource>(`/api/content/${slug}/source?lang=${lang}`);
  const [title, setTitle] = useState('');
  const [markdown, setMarkdown] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useSubmit();
  const isNew = source.error instanceof ApiError && source.error.status === 404;

  useEffect(() => {
    if (source.data) {
      setTitle(source.data.title);
      setMarkdown(source.data.markdown);
    }
  }, [source.data]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    setSaved(false);
    if (!title.trim()) {
      form.setFieldErrors({ title: t('staff.content.titleRequired') });
      return;
    }
    const ok = await form.run(async () => {
      await api(`/api/content/${slug}`, { method: 'PUT', body: { lang, title: title.trim(), markdown } });
    });
    if (ok) setSaved(true);
  }

  if (source.loading) return <Loading />;
  if (source.error && !isNew) return <ErrorNotice error={source.error} />;

  const fe = form.fieldErrors;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate lang={lang}>
      {isNew ? <p className="notice notice--info">{t('staff.content.isNew')}</p> : null}
      <StatusNotice>{saved ? t('staff.content.saved') : null}</StatusNotice>
      <ErrorNotice error={form.error} />
      <Field id="content-title" label={t('staff.content.pageTitle')} error={fe['title']}>
        {(p) => (
          <input
            {...p}
            name="title"
            type="text"
            required
            className="input--wide"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="content-markdown"
        label={t('staff.content.markdown')}
        hint={t('staff.content.markdownHint')}
        error={fe['markdown']}
      >
        {(p) => (
          <textarea
            {...p}
            name="markdown"
            rows={18}
            className="input--wide input--mono"
            value={markdown}
            onChange={(e) => setMarkdown(e.target.value)}
          />
        )}
      </Field>
      <p className="actions">
        <SubmitButton pending={form.pending}>{t('common.save')}</SubmitButton>
        <Link to={`/${slug}?lang=${lang}`}>{t('staff.content.view')}</Link>
      </p>
    </form>
  );
}
