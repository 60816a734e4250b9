/** Upload (file + required alt text) and removal of a project's images; the server checks the content. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import type { Project } from '../../projects/types';

export function ImagesForm({ project, onChanged }: { project: Project; onChanged: () => void }) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [done, setDone] = useState('');
  const upload = useSubmit();
  const remove = useSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (upload.pending) return;
    setDone('');
    const file = fileRef.current?.files?.[0];
    if (!file) {
      upload.setFieldErrors({ file: t('projects.staff.images.chooseFile') });
      return;
    }
    const form = new FormData();
    form.append('alt', alt);
    form.append('file', file);
    const ok = await upload.run(async () => {
      await api(`/api/projects/${project.id}/images`, { method: 'POST', form });
    });
    if (ok) {
      setAlt('');
      if (fileRef.current) fileRef.current.value = '';
      setDone(t('projects.staff.images.uploaded'));
      onChanged();
    }
  }

  async function onRemove(imageId: number) {
    setDone('');
    const ok = await remove.run(async () => {
      await api(`/api/projects/${project.id}/images/${imageId}`, { method: 'DELETE' });
    });
    if (ok) {
      setDone(t('projects.staff.images.removed'));
      onChanged();
    }
  }

  const err = upload.fieldErrors;
  return (
    <section aria-labelledby="staff-images">
      <h2 id="staff-images">{t('projects.staff.images.title')}</h2>
      <ErrorNotice error={remove.error} />
      {project.images.length ? (
        <ul className="staff-images">
          {project.images.map((img) => (
            <li key={img.id}>
              <img src={img.thumbUrl} alt={img.alt} />
              <p>
                <button type="button" className="button button--secondary button--small" onClick={() => void onRemove(img.id)}>
                  {t('projects.staff.images.remove', { alt: img.alt })}
                </button>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <p>{t('projects.staff.images.intro')}</p>
        <ErrorNotice error={Object.keys(err).length ? null : upload.error} />
        <Field id="image-file" label={t('projects.staff.images.file')} error={err['file']}>
          {(c) => <input {...c} ref={fileRef} type="file" accept="image/jpeg,image/png" required />}
        </Field>
        <Field id="image-alt" label={t('projects.staff.images.alt')} hint={t('projects.staff.images.altHint')} error={err['alt']}>
          {(c) => <input {...c} type="text" required maxLength={500} value={alt} onChange={(e) => setAlt(e.target.value)} />}
        </Field>
        <p className="actions">
          <SubmitButton pending={upload.pending}>{t('projects.staff.images.upload')}</SubmitButton>
        </p>
      </form>
      <StatusNotice>{done || null}</StatusNotice>
    </section>
  );
}
