/**
 * /vereine/veranstaltungen/:id — one event with all its dates (Europe/Berlin), venue, price,
 * accessibility and registration link. A cancelled event says so in words at the top and at each
 * date; the schema.org Event JSON-LD of the API is embedded.
 */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDistrictName } from '../../components/DistrictOptions';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { berlinSpan, CancelledBadge, DemoNotice, Fact, JsonLd, PendingDetail, useCategoryName } from './shared';
import type { EventDetail } from './types';

export default function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const valid = /^\d{1,15}$/.test(id);
  const { data, error } = useApi<EventDetail>(valid ? `/api/community/events/${id}` : null);
  const event = data && String(data.id) === id ? data : undefined;
  useDocumentTitle(
    event ? (event.status === 'cancelled' ? `${t('community.cancelled')}: ${event.title}` : event.title) : t('community.title'),
  );

  if (!event) return <PendingDetail valid={valid} error={error} notFound={t('community.event.notFound')} />;
  return <EventView event={event} />;
}

function EventView({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const districtName = useDistrictName();
  const cancelled = e.status === 'cancelled';
  const venue = [e.venue.name, e.venue.address, districtName(e.venue.district)].filter(Boolean).join(', ');
  const [main, ...more] = e.images;
  const price = [e.free ? t('community.event.free') : '', e.price].filter(Boolean).join(' – ');

  return (
    <div className="page">
      <JsonLd path={`/api/community/events/${e.id}/jsonld`} />
      <p>
        <Link to="/vereine">{t('community.back')}</Link>
      </p>
      <h1>
        {cancelled ? (
          <>
            <CancelledBadge />{' '}
          </>
        ) : null}
        {e.title}
      </h1>
      {cancelled ? (
        <p className="notice notice--error" role="note">
          {t('community.event.cancelledNotice')}
        </p>
      ) : null}
      <DemoNotice show={e.demo} />
      {main ? (
        <img className="community-event-image" src={main.url} alt={main.alt} width={main.width} height={main.height} />
      ) : null}
      {e.description ? <p className="pre-wrap">{e.description}</p> : null}
      {more.length ? (
        <ul className="community-gallery" aria-label={t('community.event.moreImages')}>
          {more.map((img) => (
            <li key={img.id}>
              <a href={img.url}>
                <img src={img.thumbUrl} alt={img.alt} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t('community.event.facts')}</h2>
      <dl className="community-facts">
        <Fact label={t('community.event.organiser')}>
          <Link to={`/vereine/${e.organisation.slug}`}>{e.organisation.name}</Link>
        </Fact>
        <Fact label={t('community.event.venue')}>{venue}</Fact>
        <Fact label={t('community.event.categories')}>{e.categories.map(categoryName).join(', ')}</Fact>
        <Fact label={t('community.event.audience')}>{e.audience}</Fact>
        <Fact label={t('community.event.price')}>{price}</Fact>
        <Fact label={t('community.event.accessibility')}>
          {[e.accessibleVenue ? t('community.event.accessibleVenue') : '', e.accessibility].filter(Boolean).join('\n')}
        </Fact>
        <Fact label={t('community.event.registration')}>
          {e.registrationUrl ? <a href={e.registrationUrl}>{t('community.event.register')}</a> : null}
        </Fact>
        <Fact label={t('community.event.recurring')}>
          {e.rrule ? t('community.event.datesCount', { count: e.occurrences.length }) : null}
        </Fact>
      </dl>

      <section aria-labelledby="event-dates">
        <h2 id="event-dates">{t('community.event.dates')}</h2>
        <p className="meta">{t('community.event.times')}</p>
        {e.occurrences.length ? (
          <ol className="community-events">
            {e.occurrences.map((o) => (
              <li key={o.startsAt} className="community-event">
                <time dateTime={o.startsAt}>{berlinSpan(o.startsAt, o.endsAt)}</time>
                {o.cancelled ? (
                  <>
                    {' '}
                    <CancelledBadge />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('community.event.noDates')}</p>
        )}
      </section>
    </div>
  );
}
