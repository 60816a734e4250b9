/**
 * Up to three photos with previews (object URLs, revoked when no longer shown) and their sizes.
 * The checks here only save a wasted upload; the server checks the content, not the name or type.
 */
import { useEffect, useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';

export const MAX_PHOTOS = 3;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(Math.round(bytes / 104_857.6) / 10)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

interface Props {
  files: File[];
  onChange: (files: File[]) => void;
  error: string | undefined;
  onError: (message: string | undefined) => void;
}

export function PhotoPicker({ files, onChange, error, onError }: Props) {
  const { t } = useTranslation();
  const previews = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  function add(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = ''; // the same file may be chosen again after removing it
    const problems: string[] = [];
    const accepted = chosen.filter((f) => {
      if (!TYPES.includes(f.type)) problems.push(t('reports.form.photoType', { name: f.name }));
      else if (f.size > MAX_BYTES) problems.push(t('reports.form.photoTooLarge', { name: f.name }));
      else return true;
      return false;
    });
    const next = [...files, ...accepted];
    if (next.length > MAX_PHOTOS) problems.push(t('reports.form.tooManyPhotos'));
    onChange(next.slice(0, MAX_PHOTOS));
    onError(problems.length ? problems.join(' ') : undefined);
  }

  const errorId = error ? 'report-photos-error' : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor="report-photos">{t('reports.form.photos')}</label>
      <p id="report-photos-hint" className="field__hint">
        {t('reports.form.photosHint')}
      </p>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      <input
        id="report-photos"
        type="file"
        accept={TYPES.join(',')}
        multiple
        disabled={files.length >= MAX_PHOTOS}
        aria-describedby={['report-photos-hint', errorId].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={add}
      />
      {files.length ? (
        <ul className="photo-list">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <img src={previews[i]} alt={t('reports.form.photoPreview', { name: f.name })} />
              <span>{t('reports.form.photoSize', { name: f.name, size: size(f.size) })}</span>
              <button type="button" className="button button--link" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                {t('reports.form.removePhoto', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
