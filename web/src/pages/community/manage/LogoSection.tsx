/**
 * The logo of an entry: the current one (thumbnail) and the upload (multipart `file`). The server
 * judges the file by its content; its refusals are shown at the file input in the page's language.
 */
import { useTranslation } from 'react-i18next';
import { ImageUploadForm } from '../../../components/ImageUploadForm';
import type { ManagedOrganisation } from './types';

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
  const logo = (key: string) => t(`community.manage.logo.${key}`);
  return (
    <section aria-labelledby="org-logo">
      <h2 id="org-logo">{logo('title')}</h2>
      {organisation.logoImageId ? (
        <img
          className="community-logo"
          src={`/api/community/images/${organisation.logoImageId}/thumb`}
          alt={t('community.organisation.logo', { name: organisation.name })}
        />
      ) : (
        <p>{logo('none')}</p>
      )}
      {canEdit ? (
        <ImageUploadForm
          id="org-logo-file"
          url={`/api/community/organisations/${organisation.id}/logo`}
          texts={{
            label: logo('file'),
            hint: logo('hint'),
            submit: logo('upload'),
            uploaded: logo('uploaded'),
            choose: logo('choose'),
            tooLarge: logo('tooLarge'),
            notImage: logo('notImage'),
          }}
          onUploaded={onChanged}
        />
      ) : null}
    </section>
  );
}
