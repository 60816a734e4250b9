/**
 * The server-side heads of the public pages of events and organisations (platform/http/web.ts):
 * title, description and schema.org JSON-LD in the HTML itself, for search engines and link previews
 * that do not run the web app. A page that is not public answers 404.
 */
import type { Clock } from '../../platform/contracts.js';
import type { PageHead, PageHeadSource } from '../../platform/http/web.js';
import { embeddableJson, organisationJsonLd, visibleEventJsonLd } from './community.jsonld.js';
import { RESERVED_SLUGS } from './community.present.js';
import type { CommunityService } from './community.service.js';

const SITE = 'Confluentes';
const DESCRIPTION_LENGTH = 160;

/** The start of a text as a meta description: whole words, at most 160 characters. */
function summary(text: string, fallback: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return fallback;
  if (flat.length <= DESCRIPTION_LENGTH) return flat;
  const cut = flat.slice(0, DESCRIPTION_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), DESCRIPTION_LENGTH / 2))}…`;
}

export function communityPageHeads(deps: { service: CommunityService; clock: Clock; publicUrl: string }): PageHeadSource[] {
  const { service, clock, publicUrl } = deps;
  return [
    {
      path: /^\/vereine\/veranstaltungen\/(\d{1,15})$/,
      async head(match, request): Promise<PageHead> {
        const { row, jsonLd } = await visibleEventJsonLd(service, request.actor, Number(match[1]), clock.now(), publicUrl);
        return {
          title: `${row.title} – ${SITE}`,
          description: summary(row.description, `${row.title} – ${row.org_name}`),
          jsonLd: embeddableJson(jsonLd),
        };
      },
    },
    {
      // Slugs are lower-case words with hyphens (or the numeric id); the web app's own pages at
      // /vereine/<word> keep the plain head.
      path: /^\/vereine\/([a-z0-9-]{1,100})$/,
      async head(match, request): Promise<PageHead | undefined> {
        if (RESERVED_SLUGS.includes(match[1]!)) return undefined;
        const row = await service.organisationRow(request.actor, match[1]!);
        return {
          title: `${row.name} – ${SITE}`,
          description: summary(row.description, row.name),
          jsonLd: embeddableJson(organisationJsonLd(row, publicUrl)),
        };
      },
    },
  ];
}
