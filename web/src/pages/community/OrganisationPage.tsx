/**
 * /vereine/:slug — one club or cultural institution: what it is, where, how to reach it, its times,
 * accessibility, fees, languages and links, whether the city checked it, its coming events and its
 * calendar feed; with the schema.org Organization JSON-LD of the API.
 */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDistrictName } from '../../components/DistrictOptions';
import { ErrorNotice } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { FeedLink } from './CalendarFeeds';
import { EventList } from './EventLists';
import { DemoNotice, Fact, JsonLd, PendingDetail, useCategoryName } from './shared';
import type { EventSearch, Organisation } from './types';

const SLUG = /^[a-z0-9-]{1,90}$/;

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const valid = SLUG.test(slug);
  const { data, error } = useApi<Organisation>(valid ? `/api/community/organisations/${slug}` : null);
  const organisation = data && (data.slug === slug || String(data.id) === slug) ? data : undefined;
  useDocumentTitle(organisation?.name ?? t('community.title'));

  if (!organisation) return <PendingDetail valid={valid} error={error} notFound={t('community.organisation.notFound')} />;
  return <OrganisationView organisation={organisation} />;
}

function OrganisationView({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const districtName = useDistrictName();
  const events = useApi<EventSearch>(`/api/community/events?organisation=${o.id}&limit=50`);
  const contact = o.publicContact;

  return (
    <div className="page">
      <JsonLd path={`/api/community/organisations/${o.slug}/jsonld`} />
      <p>
        <Link to="/vereine">{t('community.back')}</Link>
      </p>
      <h1>{o.name}</h1>
      <p>
        <strong>{o.verified ? t('community.organisation.verified') : t('community.organisation.unverified')}</strong>
      </p>
      <DemoNotice show={o.demo} />
      {o.logoImageId ? (
        <img
          className="community-logo"
          src={`/api/community/images/${o.logoImageId}/thumb`}
          alt={t('community.organisation.logo', { name: o.name })}
        />
      ) : null}
      {o.description ? <p className="pre-wrap">{o.description}</p> : null}

      <h2>{t('community.organisation.facts')}</h2>
      <dl className="community-facts">
        <Fact label={t('community.organisation.category')}>{categoryName(o.category)}</Fact>
        <Fact label={t('community.organisation.district')}>{districtName(o.district)}</Fact>
        <Fact label={t('community.organisation.address')}>{o.address}</Fact>
        <Fact label={t('community.organisation.email')}>
          {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
        </Fact>
        <Fact label={t('community.organisation.phone')}>
          {contact.phone ? <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a> : null}
        </Fact>
        <Fact label={t('community.organisation.website')}>
          {contact.website ? <a href={contact.website}>{contact.website}</a> : null}
        </Fact>
        <Fact label={t('community.organisation.times')}>{o.openingTimes}</Fact>
        <Fact label={t('community.organisation.accessibility')}>{o.accessibility}</Fact>
        <Fact label={t('community.organisation.fees')}>{o.membershipFees}</Fact>
        <Fact label={t('community.organisation.languages')}>{o.languages.join(', ')}</Fact>
      </dl>
      {o.links.length ? (
        <>
          <h2>{t('community.organisation.links')}</h2>
          <ul>
            {o.links.map((l) => (
              <li key={l.url}>
                <a href={l.url}>{l.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <section aria-labelledby="organisation-events" aria-busy={events.loading}>
        <h2 id="organisation-events">{t('community.organisation.events')}</h2>
        <ErrorNotice error={events.error} />
        {events.data && !events.data.items.length ? <p>{t('community.organisation.noEvents')}</p> : null}
        {events.data ? <EventList items={events.data.items} /> : null}
        <ul className="community-feeds">
          <li>
            <FeedLink path={`/api/community/organisations/${o.slug}/events.ics`} name={t('community.ical.organisation')} />
          </li>
        </ul>
      </section>
    </div>
  );
}
