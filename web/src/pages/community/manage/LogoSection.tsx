/**
 * The logo of an entry: the current one (thumbnail) and the upload (multipart `file`). The server
 * judges the file by its content; its refusals are shown at the file input in the page's language.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import type { ManagedOrganisation } from './types';

/** The server's limit (platform/images/photos.ts), checked here too so a large file is not sent for nothing. */
const MAX_BYTES = 10 * 1024 * 1024;

export function LogoSection({
  organisation,
  canEdit,
  onChanged,
}: {
  organisation: ManagedOrganisation;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState('');
  const upload = useSubmit();

  /** The refusals a person can act on, in words; anything else keeps the server's text. */
  function refusal(error: unknown): string | undefined {
    if (!(error instanceof ApiError)) return undefined;
    if (error.status === 413 || error.problem.code === 'COMMUNITY_IMAGE_TOO_LARGE') return t('community.manage.logo.tooLarge');
    if (error.problem.code === 'COMMUNITY_IMAGE_INVALID') return t('community.manage.logo.notImage');
    return undefined;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (upload.pending) return;
    setDone('');
    const file = fileRef.current?.files?.[0];
    if (!file) return upload.setFieldErrors({ file: t('community.manage.logo.choose') });
    if (file.size > MAX_BYTES) return upload.setFieldErrors({ file: t('community.manage.logo.tooLarge') });
    const form = new FormData();
    form.append('file', file);
    let failure: unknown = null;
    const ok = await upload.run(async () => {
      try {
        await api(`/api/community/organisations/${organisation.id}/logo`, { method: 'POST', form });
      } catch (err) {
        failure = err;
        throw err;
      }
    });
    if (ok) {
      if (fileRef.current) fileRef.current.value = '';
      setDone(t('community.manage.logo.uploaded'));
      onChanged();
      return;
    }
    const text = refusal(failure);
    if (text) upload.setFieldErrors({ file: text });
  }

  const err = upload.fieldErrors;
  return (
    <section aria-labelledby="org-logo">
      <h2 id="org-logo">{t('community.manage.logo.title')}</h2>
      {organisation.logoImageId ? (
        <img
          className="community-logo"
          src={`/api/community/images/${organisation.logoImageId}/thumb`}
          alt={t('community.organisation.logo', { name: organisation.name })}
        />
      ) : (
        <p>{t('community.manage.logo.none')}</p>
      )}
      {canEdit ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorNotice error={Object.keys(err).length ? null : upload.error} />
          <Field
            id="org-logo-file"
            label={t('community.manage.logo.file')}
            hint={t('community.manage.logo.hint')}
            error={err['file']}
          >
            {(c) => <input {...c} ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp" required />}
          </Field>
          <p className="actions">
            <SubmitButton pending={upload.pending}>{t('community.manage.logo.upload')}</SubmitButton>
          </p>
          <StatusNotice>{done || null}</StatusNotice>
        </form>
      ) : null}
    </section>
  );
}
