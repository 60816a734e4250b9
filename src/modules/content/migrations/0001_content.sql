-- Editorial pages (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache …). A page that was
-- never edited is served from the city's shipped default in data/content/.
create table content_pages (
  slug text not null,
  lang text not null,
  title text not null,
  markdown text not null,
  updated_at timestamptz not null default now(),
  updated_by text not null,
  primary key (slug, lang)
);

-- Feedback on accessibility barriers (required by BITV 2.0 § 7 with the accessibility statement).
create table content_feedback (
  id bigserial primary key,
  message text not null,
  email text,
  name text,
  page_url text,
  created_at timestamptz not null default now()
);
