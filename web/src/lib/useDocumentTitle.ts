import { useEffect } from 'react';

const SITE = 'Confluentes';

/**
 * Every page gets its own <title> (WCAG 2.4.2). Pass the full title to skip the site suffix,
 * as the home page does.
 */
export function useDocumentTitle(title: string | undefined, options: { full?: boolean } = {}): void {
  const { full = false } = options;
  useEffect(() => {
    if (!title) return;
    document.title = full ? title : `${title} – ${SITE}`;
  }, [title, full]);
}
