-- An event shows several images, each described by its alternative text (WCAG 1.1.1), in order:
-- [{"id": <community_images.id>, "alt": "…", "width": …, "height": …}]; the first is the main image.
alter table community_events add column images jsonb not null default '[]'::jsonb;
update community_events e
   set images = jsonb_build_array(jsonb_build_object('id', i.id, 'alt', e.title, 'width', i.width, 'height', i.height))
  from community_images i
 where i.id = e.image_id;
alter table community_events drop column image_id;
