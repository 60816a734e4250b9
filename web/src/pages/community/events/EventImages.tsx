/** The images of an event in the editor (staff/shared/ImagesEditor), at most six. */
import { useTranslation } from 'react-i18next';
import { ImagesEditor } from '../../staff/shared/ImagesEditor';
import type { CommunityEvent } from '../types';

/** The server's limit (community.model.ts LIMITS.imagesPerEvent). */
const MAX_IMAGES = 6;

export function EventImages({ event, canEdit, onChanged }: { event: CommunityEvent; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const tr = (key: string, options?: Record<string, unknown>) => t(`community.eventEditor.image.${key}`, options);
  return (
    <ImagesEditor
      id="event-images"
      images={event.images}
      uploadUrl={`/api/community/events/${event.id}/images`}
      removeUrl={(imageId) => `/api/community/events/${event.id}/images/${imageId}`}
      max={MAX_IMAGES}
      canEdit={canEdit}
      texts={{
        title: tr('title'),
        none: tr('none'),
        remove: (alt) => tr('remove', { alt }),
        removed: (alt) => tr('removed', { alt }),
        full: tr('full', { count: MAX_IMAGES }),
        upload: {
          label: tr('file'),
          hint: tr('hint', { count: MAX_IMAGES }),
          submit: tr('upload'),
          uploaded: tr('uploaded'),
          choose: tr('choose'),
          tooLarge: tr('tooLarge'),
          notImage: tr('notImage'),
        },
        alt: { label: tr('alt'), hint: tr('altHint'), required: tr('altRequired') },
      }}
      onChanged={onChanged}
    />
  );
}
