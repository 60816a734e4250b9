/** Shapes of the open-data answers the pages read (CKAN package_search/show and the dataset JSON). */
export interface FacetItem {
  name: string;
  display_name: string;
  count: number;
}

export interface CkanPackage {
  name: string;
  title: string;
  notes: string;
  maintainer: string | null;
  maintainer_email: string | null;
  license_id: string;
  license_title: string;
  metadata_modified: string;
  organization: { title: string } | null;
  tags: { name: string }[];
  groups: { name: string }[];
  resources: { format: string }[];
  extras: { key: string; value: string }[];
}

export interface CkanSearch {
  count: number;
  results: CkanPackage[];
  search_facets: Record<string, { items: FacetItem[] }>;
}

export interface Ckan<T> {
  success: boolean;
  result: T;
}

export interface Distribution {
  id: number;
  key: string;
  title: { de: string; en: string };
  url: string;
  downloadUrl: string;
  format: string;
  mediaType: string;
  isService: boolean;
  downloads?: number;
}

export interface Dataset {
  slug: string;
  uri: string;
  source: string;
  title: { de: string; en: string };
  description: { de: string; en: string };
  keywords: string[];
  themes: string[];
  bbox: number[] | null;
  temporal: { start: string | null; end: string | null };
  accrualPeriodicity: string;
  landingPage: string | null;
  licence: string;
  licenceUri: string;
  attributionText: string;
  issued: string;
  modified: string;
  governance: { overdue: boolean };
  distributions: Distribution[];
  downloads?: number;
}

export const extra = (p: CkanPackage, key: string) => p.extras.find((e) => e.key === key)?.value;
