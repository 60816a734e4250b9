/**
 * The images of an event in the editor: each with its alternative text and a remove button, and
 * the upload of another (file and alternative text) while fewer than six are there.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useSubmit } from '../../../lib/useSubmit';
import { ImageUploadForm } from '../ImageUploadForm';
import type { CommunityEvent } from '../types';

/** The server's limit (community.model.ts LIMITS.imagesPerEvent). */
const MAX_IMAGES = 6;

export function EventImages({ event, canEdit, onChanged }: { event: CommunityEvent; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const tr = (key: string, options?: Record<string, unknown>) => t(`community.eventEditor.image.${key}`, options);
  const remove = useSubmit();
  const [removed, setRemoved] = useState('');

  async function onRemove(imageId: number, alt: string) {
    setRemoved('');
    const ok = await remove.run(async () => {
      await api(`/api/community/events/${event.id}/images/${imageId}`, { method: 'DELETE' });
    });
    if (ok) {
      setRemoved(tr('removed', { alt }));
      onChanged();
    }
  }

  return (
    <section aria-labelledby="event-images">
      <h2 id="event-images">{tr('title')}</h2>
      <ErrorNotice error={remove.error} />
      {event.images.length ? (
        <ul className="staff-images">
          {event.images.map((img) => (
            <li key={img.id}>
              <img src={img.thumbUrl} alt={img.alt} />
              <p>{img.alt}</p>
              {canEdit ? (
                <p>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => void onRemove(img.id, img.alt)}
                  >
                    {tr('remove', { alt: img.alt })}
                  </button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr('none')}</p>
      )}
      <StatusNotice>{removed || null}</StatusNotice>
      {canEdit && event.images.length >= MAX_IMAGES ? <p>{tr('full', { count: MAX_IMAGES })}</p> : null}
      {canEdit && event.images.length < MAX_IMAGES ? (
        <ImageUploadForm
          id="event-image-file"
          url={`/api/community/events/${event.id}/images`}
          texts={{
            label: tr('file'),
            hint: tr('hint', { count: MAX_IMAGES }),
            submit: tr('upload'),
            uploaded: tr('uploaded'),
            choose: tr('choose'),
            tooLarge: tr('tooLarge'),
            notImage: tr('notImage'),
          }}
          altTexts={{ label: tr('alt'), hint: tr('altHint'), required: tr('altRequired') }}
          onUploaded={onChanged}
        />
      ) : null}
    </section>
  );
}
