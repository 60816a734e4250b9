/**
 * A notice of the board: post one (POST /api/community/notices, in the name of one of the
 * account's verified organisations) or change one (PATCH …/:id, the organisation stays).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import type { Notice, NoticeKind } from './types';

interface Props {
  /** Changing this notice; without it a new one is posted. */
  notice?: Notice;
  /** Who may post: the account's verified organisations (a choice only when there are several). */
  organisations: { id: number; name: string }[];
  onSaved: (notice: Notice) => void;
  onCancel?: () => void;
}

export function NoticeForm({ notice, organisations, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const prefix = notice ? `notice-${notice.id}` : 'notice-new';
  const [organisationId, setOrganisationId] = useState(String(organisations[0]?.id ?? ''));
  const [kind, setKind] = useState<NoticeKind>(notice?.kind ?? 'request');
  const [title, setTitle] = useState(notice?.title ?? '');
  const [body, setBody] = useState(notice?.body ?? '');
  const [contact, setContact] = useState(notice?.contact ?? '');
  const [expiresOn, setExpiresOn] = useState(notice?.expiresOn ?? '');
  const err = submit.fieldErrors;
  const optional = (key: string) => t('staffModules.optional', { label: t(`community.notices.field.${key}`) });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    if (!title.trim()) return submit.setFieldErrors({ title: t('community.notices.titleMissing') });
    const values = { kind, title: title.trim(), body: body.trim(), contact: contact.trim(), expiresOn: expiresOn || null };
    await submit.run(async () => {
      const saved = notice
        ? await api<Notice>(`/api/community/notices/${notice.id}`, { method: 'PATCH', body: values })
        : await api<Notice>('/api/community/notices', {
            method: 'POST',
            body: { organisationId: Number(organisationId), ...values },
          });
      if (!notice) {
        setTitle('');
        setBody('');
        setContact('');
        setExpiresOn('');
      }
      onSaved(saved);
    });
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
      {notice ? null : organisations.length > 1 ? (
        <Field id={`${prefix}-organisation`} label={t('community.notices.field.organisation')} error={err['organisationId']}>
          {(c) => (
            <select {...c} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p>{t('community.notices.postingAs', { name: organisations[0]?.name ?? '' })}</p>
      )}
      <Field id={`${prefix}-kind`} label={t('community.notices.field.kind')} error={err['kind']}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.target.value as NoticeKind)}>
            <option value="request">{t('community.notices.kind.request')}</option>
            <option value="offer">{t('community.notices.kind.offer')}</option>
          </select>
        )}
      </Field>
      <Field
        id={`${prefix}-title`}
        label={t('community.notices.field.title')}
        hint={t('community.notices.hint.title')}
        error={err['title']}
      >
        {(c) => <input {...c} type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id={`${prefix}-body`} label={optional('body')} error={err['body']}>
        {(c) => <textarea {...c} rows={4} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Field
        id={`${prefix}-contact`}
        label={optional('contact')}
        hint={t('community.notices.hint.contact')}
        error={err['contact']}
      >
        {(c) => <input {...c} type="text" maxLength={300} value={contact} onChange={(e) => setContact(e.target.value)} />}
      </Field>
      <Field
        id={`${prefix}-expiresOn`}
        label={optional('expiresOn')}
        hint={t('community.notices.hint.expiresOn')}
        error={err['expiresOn']}
      >
        {(c) => <input {...c} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />}
      </Field>
      <p className="actions">
        <SubmitButton pending={submit.pending}>{notice ? t('staffModules.save') : t('community.notices.post')}</SubmitButton>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('staffModules.cancel')}
          </button>
        ) : null}
      </p>
    </form>
  );
}
