/** The staff view of a dataset (GET /api/opendata/staff/datasets[/:slug]): the public shape plus governance. */
import type { Dataset } from '../../opendata/types';

export interface StaffDataset extends Omit<Dataset, 'governance'> {
  source: 'managed' | 'external';
  governance: {
    owningOffice: string | null;
    dataSteward: string | null;
    qualityNotes: string | null;
    sourceSystem: string | null;
    promisedFrequency: string | null;
    visibility: string;
    overdue: boolean;
    withdrawn: boolean;
  };
}

/** Uploaded files ("file-1") stay when the URL distributions are edited; the form lists them apart. */
export const isUploadedFile = (d: { key: string }) => d.key.startsWith('file-');

/** Which of a dataset's two texts ({ de, en }) the page's language shows. */
export const textLang = (language: string): 'de' | 'en' => (language.startsWith('en') ? 'en' : 'de');
