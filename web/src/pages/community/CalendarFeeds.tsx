/** Links to the iCalendar feeds (all, per category) with how to subscribe, and a copy button per address. */
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { useCategoryName } from './shared';
import { CATEGORIES } from './types';

export const feedUrl = (path: string) => `${window.location.origin}${path}`;

export function FeedLink({ path, name }: { path: string; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      <a href={path} type="text/calendar">
        {name}
      </a>
      <CopyButton text={feedUrl(path)} label={t('community.ical.copy', { name })} />
    </>
  );
}

export function CalendarFeeds() {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  return (
    <section aria-labelledby="community-ical">
      <h2 id="community-ical">{t('community.ical.heading')}</h2>
      <p>{t('community.ical.intro')}</p>
      <ul className="community-feeds">
        <li>
          <FeedLink path="/api/community/events.ics" name={t('community.ical.all')} />
        </li>
      </ul>
      <h3>{t('community.ical.perCategory')}</h3>
      <ul className="community-feeds">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <FeedLink path={`/api/community/categories/${c}/events.ics`} name={categoryName(c)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
