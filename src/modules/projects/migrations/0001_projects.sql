-- Smart City project portfolio: fields of action, projects with features, milestones, KPIs and
-- per-district progress, a change history written with every change, and the committee reports
-- generated from it (stored so the next report can say what changed since).

create table projects_fields (
  id bigserial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9-]{1,60}$'),
  name text not null,
  subtitle text not null default '',
  goal text not null,
  position integer not null default 0,
  updated_at timestamptz not null default now()
);

create table projects_projects (
  id bigserial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9-]{1,80}$'),
  title text not null,
  summary text not null default '',
  -- Markdown; rendered to safe HTML by platform/text/markdown.ts, never stored as HTML
  description text not null default '',
  status text not null check (status in ('idea', 'planned', 'in_development', 'live', 'paused', 'discontinued')),
  office text not null default '',
  partners text[] not null default '{}',
  start_date date,
  end_date date,
  budget_eur numeric(14, 2) check (budget_eur is null or budget_eur >= 0),
  funding_programme text not null default '',
  -- [{label, url}]
  links jsonb not null default '[]',
  location geometry(Point, 4326),
  -- district ids of the city profile
  districts text[] not null default '{}',
  -- true where the record (or part of it) is invented for the demo
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or start_date is null or end_date >= start_date)
);
create index projects_projects_updated on projects_projects (updated_at);

create table projects_project_fields (
  project_id bigint not null references projects_projects (id) on delete cascade,
  field_id bigint not null references projects_fields (id),
  primary key (project_id, field_id)
);

create table projects_features (
  id bigserial primary key,
  project_id bigint not null references projects_projects (id) on delete cascade,
  title text not null,
  status text not null check (status in ('planned', 'in_development', 'done', 'dropped')),
  position integer not null default 0
);
create index projects_features_project on projects_features (project_id);

create table projects_milestones (
  id bigserial primary key,
  project_id bigint not null references projects_projects (id) on delete cascade,
  title text not null,
  due_date date,
  done_date date,
  position integer not null default 0
);
create index projects_milestones_project on projects_milestones (project_id);

create table projects_kpis (
  id bigserial primary key,
  project_id bigint not null references projects_projects (id) on delete cascade,
  name text not null,
  value numeric,
  target numeric,
  unit text not null default '',
  as_of date,
  position integer not null default 0
);
create index projects_kpis_project on projects_kpis (project_id);

-- Progress per Stadtteil, e.g. the fibre expansion: shown on the dashboard map.
create table projects_district_progress (
  project_id bigint not null references projects_projects (id) on delete cascade,
  district_id text not null,
  status text not null check (status in ('planned', 'under_construction', 'available')),
  households_passed integer not null default 0 check (households_passed >= 0),
  demo boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (project_id, district_id)
);

-- Every change of a project, written in the same transaction as the change (the audit log holds
-- the same with the actor; this table is the public, per-project view of it).
create table projects_history (
  id bigserial primary key,
  project_id bigint not null references projects_projects (id) on delete cascade,
  at timestamptz not null,
  actor text not null,
  change text not null,
  field text,
  before jsonb,
  after jsonb
);
create index projects_history_project on projects_history (project_id, at);
create index projects_history_at on projects_history (at);

-- Generated committee reports (status part of an Unterrichtungsvorlage), kept so the next report
-- can compare with the previous one.
create table projects_reports (
  id bigserial primary key,
  committee_date date not null,
  ozg_date date not null,
  lang text not null check (lang in ('de', 'en')),
  previous_id bigint references projects_reports (id),
  -- project and feature statuses at generation time: what the next report compares against
  snapshot jsonb not null,
  markdown text not null,
  docx bytea not null,
  pdf bytea not null,
  created_at timestamptz not null,
  created_by text not null,
  unique (committee_date, lang)
);

-- Content pages of the module (Digitalbeirat, Digitalisierungsbüro), editable by project editors.
create table projects_pages (
  slug text not null,
  lang text not null,
  title text not null,
  markdown text not null,
  updated_at timestamptz not null default now(),
  updated_by text not null default 'system',
  primary key (slug, lang)
);

insert into projects_fields (slug, name, subtitle, goal, position) values
  ('smart-governance', 'Smart Governance', 'Digitale Verwaltung Koblenz',
   'Verfolgt das Ziel, mit Hilfe moderner Informationstechnologien eine digitalisierte, durchgängige, medienbruchfreie und einheitliche Leistungserbringung auf der Grundlage kollaborativer Geschäftsprozesse zu etablieren. Fokus liegt hier auf der digitalen Transformation der Verwaltung. (Näheres im E-Government-Konzept der Stadtverwaltung Koblenz)', 1),
  ('smart-economy', 'Smart Economy', 'Innovation, Kollaboration, Wissenschaft, Stadtentwicklung',
   'Soll die Entwicklung, Nachhaltigkeit und Attraktivität von E-Business und E-Commerce fördern, die Produktivität erhöhen und so der Wirtschaft, Wissenschaft und Gesellschaft neue Möglichkeiten zur innovativen Weiterentwicklung eröffnen.', 2),
  ('smart-people', 'Smart People', 'Bildung, Vernetzung, Vereinsleben',
   'Beschreibt den Ausbau moderner Bildungs- und Lernformen in den Bildungseinrichtungen im schulischen und außerschulischen Bereich sowie die digitale Vernetzung im gesellschaftlichen Zusammenleben und in Vereinen.', 3),
  ('smart-living', 'Smart Living', 'Mobilität, Gesundheit, Städtebau',
   'Definiert das Ziel einer modernen, energieeffizienten, sicheren, komfortablen und kostengünstigen Mobilität. Daneben fördern moderne Lösungen im Gesundheitssektor und dem Städtebau die Lebensqualität in unserer Stadt.', 4);

insert into projects_pages (slug, lang, title, markdown) values
  ('digitalbeirat', 'de', 'Digitalbeirat',
   E'Zur Beratung und Unterstützung des Digitalisierungsbüros bei der Umsetzung der digitalen Transformation steuert der unpolitisch und ausschließlich mit Experten besetzte Digitalbeirat seine Expertise u. a. zur Identifizierung und Bewertung von nachhaltigen Digitalisierungstrends und deren Umsetzungsmöglichkeiten im Konzern Stadt Koblenz bei.\n\n## Mitglieder\n\n- Professor Dr. Maria Wimmer, Universität Koblenz: Schwerpunkt Verwaltungsinformatik\n- Professor Dr. Kiess, Hochschule Koblenz: Schwerpunkt Digitale Infrastruktur\n- Immanuel Baer: Schwerpunkt IT-Sicherheit\n- Timo Ziegler: Schwerpunkt Digitale Transformation\n- Andreas Weber: Schwerpunkt Solution Architect\n\nDas Amt für Wirtschaftsförderung fungiert als Geschäftsstelle des Digitalbeirates.'),
  ('digitalbeirat', 'en', 'Digital Advisory Board',
   E'The Digital Advisory Board, non-political and made up solely of experts, advises and supports the Digitalisation Office: among other things it identifies and assesses sustainable digitalisation trends and how they can be put into practice in the City of Koblenz group.\n\n## Members\n\n- Professor Dr. Maria Wimmer, University of Koblenz: administrative informatics\n- Professor Dr. Kiess, Koblenz University of Applied Sciences: digital infrastructure\n- Immanuel Baer: IT security\n- Timo Ziegler: digital transformation\n- Andreas Weber: solution architecture\n\nThe Office for Economic Development acts as the board''s secretariat.'),
  ('digitalisierungsbuero', 'de', 'Digitalisierungsbüro',
   E'Damit aus der Vision einer Smart City konkrete Gegenwartsprojekte entstehen und eine stetige Gestaltung der digitalen Transformation als ganzheitliche Aufgabe ermöglicht wird, wurde das Digitalisierungsbüro eingerichtet.\n\nEs besteht aus\n\n- dem Strategischen IT-Management (Amt 10),\n- dem KGRZ und\n- der Wirtschaftsförderung / Digitallotsen Wirtschaft (DLW).\n\nIn enger Abstimmung mit dem Digitalbeirat werden gezielt Leuchtturmprojekte in verschiedenen Anwendungsbereichen identifiziert. Sie dienen als Experimentierfelder, um die praktische Umsetzbarkeit von Standards zu testen. Nicht alle Projekte werden unmittelbar den gewünschten Erfolg bringen; sie werden dann überarbeitet oder eingestellt.'),
  ('digitalisierungsbuero', 'en', 'Digitalisation Office',
   E'The Digitalisation Office was set up so that the vision of a smart city turns into concrete projects today and the digital transformation is shaped continuously as a task for the whole administration.\n\nIt consists of\n\n- Strategic IT Management (Office 10),\n- the KGRZ (municipal computing centre) and\n- Economic Development / Digital Pilots for Business (DLW).\n\nIn close consultation with the Digital Advisory Board it selects lighthouse projects in different fields. They serve as testing grounds for the practical use of standards. Not every project will succeed at once; such projects are reworked or stopped.');
