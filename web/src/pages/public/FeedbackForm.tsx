/**
 * Feedback on barriers (BITV 2.0 § 7): public, no account needed, only the message is required.
 * The optional contact fields come first so the message sits right above the send button.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useSubmit } from '../../lib/useSubmit';

/** The page the visitor came from, if it was on this site: that is usually the page with the barrier. */
function referringPage(): string {
  try {
    const ref = document.referrer ? new URL(document.referrer) : null;
    return ref && ref.origin === window.location.origin ? ref.href : '';
  } catch {
    return '';
  }
}

export function FeedbackForm() {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [pageUrl, setPageUrl] = useState(referringPage);
  const [sent, setSent] = useState(false);
  const form = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    setSent(false);
    if (!message.trim()) {
      form.setFieldErrors({ message: t('feedback.messageRequired') });
      return;
    }
    const ok = await form.run(async () => {
      await api('/api/content/feedback', {
        method: 'POST',
        body: {
          message: message.trim(),
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(pageUrl.trim() ? { pageUrl: pageUrl.trim() } : {}),
        },
      });
    });
    if (ok) {
      setSent(true);
      setMessage('');
      setName('');
      setEmail('');
      setPageUrl('');
    }
  }

  const fe = form.fieldErrors;
  return (
    <section className="panel" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback.title')}</h2>
      <p>{t('feedback.intro')}</p>
      <StatusNotice>{sent ? t('feedback.sent') : null}</StatusNotice>
      <ErrorNotice error={form.error} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field id="feedback-name" label={t('feedback.name')} error={fe['name']}>
          {(p) => (
            <input {...p} name="name" type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field id="feedback-email" label={t('feedback.email')} hint={t('feedback.emailHint')} error={fe['email']}>
          {(p) => (
            <input
              {...p}
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="feedback-page" label={t('feedback.pageUrl')} error={fe['pageUrl']}>
          {(p) => <input {...p} name="pageUrl" type="url" value={pageUrl} onChange={(e) => setPageUrl(e.target.value)} />}
        </Field>
        <Field id="feedback-message" label={t('feedback.message')} error={fe['message']}>
          {(p) => (
            <textarea {...p} name="message" rows={6} required value={message} onChange={(e) => setMessage(e.target.value)} />
          )}
        </Field>
        <SubmitButton pending={form.pending}>{t('feedback.submit')}</SubmitButton>
      </form>
    </section>
  );
}
