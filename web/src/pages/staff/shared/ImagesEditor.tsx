/**
 * The images of a record in the back office (project, event): each thumbnail with its alternative
 * text and a remove button, and the upload of another with its required alternative text while
 * fewer than the server's maximum are there.
 */
import { useState } from 'react';
import { api } from '../../../api/client';
import type { StoredImage } from '../../../api/types';
import { ImageUploadForm, type AltTexts, type ImageUploadTexts } from '../../../components/ImageUploadForm';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useSubmit } from '../../../lib/useSubmit';

export interface ImagesEditorTexts {
  title: string;
  none: string;
  remove: (alt: string) => string;
  removed: (alt: string) => string;
  /** Shown instead of the upload form when `max` images are there. */
  full: string;
  upload: ImageUploadTexts;
  alt: AltTexts;
}

export function ImagesEditor(props: {
  id: string;
  images: StoredImage[];
  uploadUrl: string;
  removeUrl: (imageId: number) => string;
  max: number;
  canEdit: boolean;
  accept?: string;
  texts: ImagesEditorTexts;
  onChanged: () => void;
}) {
  const { id, images, texts, canEdit, max, onChanged } = props;
  const remove = useSubmit();
  const [removed, setRemoved] = useState('');

  async function onRemove(image: StoredImage) {
    setRemoved('');
    const ok = await remove.run(async () => {
      await api(props.removeUrl(image.id), { method: 'DELETE' });
    });
    if (ok) {
      setRemoved(texts.removed(image.alt));
      onChanged();
    }
  }

  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{texts.title}</h2>
      <ErrorNotice error={remove.error} />
      {images.length ? (
        <ul className="staff-images">
          {images.map((img) => (
            <li key={img.id}>
              <img src={img.thumbUrl} alt={img.alt} />
              <p>{img.alt}</p>
              {canEdit ? (
                <p>
                  <button type="button" className="button button--secondary button--small" onClick={() => void onRemove(img)}>
                    {texts.remove(img.alt)}
                  </button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{texts.none}</p>
      )}
      <StatusNotice>{removed || null}</StatusNotice>
      {canEdit && images.length >= max ? <p>{texts.full}</p> : null}
      {canEdit && images.length < max ? (
        <ImageUploadForm
          id={`${id}-file`}
          url={props.uploadUrl}
          texts={texts.upload}
          altTexts={texts.alt}
          {...(props.accept ? { accept: props.accept } : {})}
          onUploaded={onChanged}
        />
      ) : null}
    </section>
  );
}
