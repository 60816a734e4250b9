/**
 * The frame of every parking and waste back-office page: document title, the one <h1>, the module's
 * sub-navigation, the read-only notice for staff who may not write (when the page has anything to
 * write) and an introduction.
 */
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ReadOnlyNotice } from './notes';
import { useCanWrite } from './useCanWrite';

interface Props {
  title: string;
  nav: ReactNode;
  /** The module whose write access the page's forms need; without it no read-only notice. */
  writes?: string;
  intro?: string;
  children: ReactNode;
}

export function ModulePage({ title, nav, writes, intro, children }: Props) {
  useDocumentTitle(title);
  const canWrite = useCanWrite(writes ?? '');
  return (
    <div className="page">
      <h1>{title}</h1>
      {nav}
      {writes && !canWrite ? <ReadOnlyNotice module={writes} /> : null}
      {intro ? <p>{intro}</p> : null}
      {children}
    </div>
  );
}
