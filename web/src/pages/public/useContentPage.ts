import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ContentPage, ContentSlug } from '../../api/types';
import { currentLanguage } from '../../i18n';
import { useApi } from '../../lib/useApi';

/** Loads a content page in the current UI language; refetches when the language changes. */
export function useContentPage(slug: ContentSlug) {
  useTranslation(); // re-render (and so refetch) on language change
  const lang = currentLanguage();
  const state = useApi<ContentPage>(`/api/content/${slug}?lang=${lang}`);
  const missing = state.error instanceof ApiError && state.error.status === 404;
  return { ...state, missing };
}
