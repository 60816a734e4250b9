/**
 * Uploads one image as the multipart field `file` (logos, event and project images), where it needs
 * one with its alternative text as the field `alt`. The server judges the file by its content;
 * "too large" and "not an image" (`<MODULE>_IMAGE_TOO_LARGE`, `<MODULE>_IMAGE_INVALID`) are shown at
 * the file input in the page's language, a missing alternative text at its input, anything else above
 * the form.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { Field } from './Field';
import { ErrorNotice, StatusNotice } from './Notice';
import { SubmitButton } from './SubmitButton';
import { useSubmit } from '../lib/useSubmit';

/** The server's limit (platform/images/photos.ts), checked here too so a large file is not sent for nothing. */
const MAX_BYTES = 10 * 1024 * 1024;

export interface ImageUploadTexts {
  label: string;
  hint: string;
  submit: string;
  uploaded: string;
  choose: string;
  tooLarge: string;
  notImage: string;
}

/** The alternative-text input of an upload that needs one. */
export interface AltTexts {
  label: string;
  hint: string;
  required: string;
}

export function ImageUploadForm({
  id,
  url,
  texts,
  altTexts,
  accept = 'image/jpeg,image/png,image/webp',
  onUploaded,
}: {
  id: string;
  url: string;
  texts: ImageUploadTexts;
  altTexts?: AltTexts;
  /** The formats the server takes, as the file input's accept list. */
  accept?: string;
  onUploaded: () => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState('');
  const [alt, setAlt] = useState('');
  const upload = useSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (upload.pending) return;
    setDone('');
    const file = fileRef.current?.files?.[0];
    if (!file) return upload.setFieldErrors({ file: texts.choose });
    if (file.size > MAX_BYTES) return upload.setFieldErrors({ file: texts.tooLarge });
    if (altTexts && !alt.trim()) return upload.setFieldErrors({ alt: altTexts.required });
    const form = new FormData();
    if (altTexts) form.append('alt', alt);
    form.append('file', file);
    let failure: unknown = null;
    const ok = await upload.run(async () => {
      try {
        await api(url, { method: 'POST', form });
      } catch (err) {
        failure = err;
        throw err;
      }
    });
    if (ok) {
      if (fileRef.current) fileRef.current.value = '';
      setAlt('');
      setDone(texts.uploaded);
      onUploaded();
      return;
    }
    if (!(failure instanceof ApiError)) return;
    const { status, problem } = failure;
    if (status === 413 || problem.code.endsWith('_IMAGE_TOO_LARGE')) upload.setFieldErrors({ file: texts.tooLarge });
    else if (problem.code.endsWith('_IMAGE_INVALID')) upload.setFieldErrors({ file: texts.notImage });
  }

  const err = upload.fieldErrors;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorNotice error={Object.keys(err).length ? null : upload.error} />
      <Field id={id} label={texts.label} hint={texts.hint} error={err['file']}>
        {(c) => <input {...c} ref={fileRef} type="file" accept={accept} required />}
      </Field>
      {altTexts ? (
        <Field id={`${id}-alt`} label={altTexts.label} hint={altTexts.hint} error={err['alt']}>
          {(c) => <input {...c} type="text" required maxLength={300} value={alt} onChange={(e) => setAlt(e.target.value)} />}
        </Field>
      ) : null}
      <p className="actions">
        <SubmitButton pending={upload.pending}>{texts.submit}</SubmitButton>
      </p>
      <StatusNotice>{done || null}</StatusNotice>
    </form>
  );
}
