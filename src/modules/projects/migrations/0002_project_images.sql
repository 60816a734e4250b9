-- Images of a project (JPEG or PNG). Stored re-encoded (no EXIF or other metadata) with a thumbnail;
-- the alt text is required so every image can be described to screen-reader users.
create table projects_images (
  id bigserial primary key,
  project_id bigint not null references projects_projects (id) on delete cascade,
  alt text not null check (length(btrim(alt)) > 0),
  mime text not null check (mime in ('image/jpeg', 'image/png')),
  width integer not null,
  height integer not null,
  data bytea not null,
  thumb bytea not null,
  thumb_mime text not null,
  position integer not null default 0,
  created_at timestamptz not null
);
create index projects_images_project on projects_images (project_id, position);
