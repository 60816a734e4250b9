/** The images of a project in the back office (staff/shared/ImagesEditor): JPEG or PNG, at most twelve. */
import { useTranslation } from 'react-i18next';
import { ImagesEditor } from '../shared/ImagesEditor';
import type { Project } from '../../projects/types';

/** The server's limit (projects.service.ts MAX_IMAGES_PER_PROJECT). */
const MAX_IMAGES = 12;

export function ImagesForm({ project, onChanged }: { project: Project; onChanged: () => void }) {
  const { t } = useTranslation();
  const tr = (key: string, options?: Record<string, unknown>) => t(`projects.staff.images.${key}`, options);
  return (
    <ImagesEditor
      id="staff-images"
      images={project.images}
      uploadUrl={`/api/projects/${project.id}/images`}
      removeUrl={(imageId) => `/api/projects/${project.id}/images/${imageId}`}
      max={MAX_IMAGES}
      canEdit
      accept="image/jpeg,image/png"
      texts={{
        title: tr('title'),
        none: tr('none'),
        remove: (alt) => tr('remove', { alt }),
        removed: () => tr('removed'),
        full: tr('full', { count: MAX_IMAGES }),
        upload: {
          label: tr('file'),
          hint: tr('intro'),
          submit: tr('upload'),
          uploaded: tr('uploaded'),
          choose: tr('chooseFile'),
          tooLarge: tr('tooLarge'),
          notImage: tr('notImage'),
        },
        alt: { label: tr('alt'), hint: tr('altHint'), required: tr('altRequired') },
      }}
      onChanged={onChanged}
    />
  );
}
