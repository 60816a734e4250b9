import type { ContentSlug } from '../../api/types';
import { ContentView } from './ContentView';

/** Impressum, Datenschutz and Leichte Sprache: content only. */
export default function ContentPage({ slug }: { slug: ContentSlug }) {
  return <ContentView key={slug} slug={slug} />;
}
