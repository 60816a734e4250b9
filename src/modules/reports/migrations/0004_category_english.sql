-- English texts of the categories for the English web pages (Open311 keeps the German names: the
-- GeoReport v2 specification has no language parameter). Descriptions and groups were German only.
alter table reports_categories add column description_en text not null default '';
alter table reports_categories add column group_name_en text not null default '';

update reports_categories c set description_en = v.description_en
from (values
  ('strassenschaeden', 'Potholes, cracks and subsidence in roads, footpaths or cycle paths, loose paving stones, damaged kerbs.'),
  ('strassenbeleuchtung', 'Broken or flickering street lights, lights on during the day, damaged lamp posts.'),
  ('ampeln', 'Traffic lights or push buttons out of order, wrongly timed signals.'),
  ('verkehrszeichen', 'Knocked-over, twisted, dirty or missing traffic signs, faded road markings and zebra crossings.'),
  ('muellablagerung', 'Fly-tipping: dumped bulky waste, rubble, electrical waste or bags in the countryside or by the road.'),
  ('abfallbehaelter', 'Overflowing or damaged litter bins, dirty streets, squares and bus stops, broken glass.'),
  ('gruenanlagen', 'Fallen trees, overhanging branches, overgrowth, neglected green spaces, hedges blocking paths or views.'),
  ('spielplaetze', 'Damaged or dangerous play equipment, dirty sandpits, broken fences at playgrounds.'),
  ('graffiti', 'Graffiti and scribbling on public buildings and facilities, wilfully destroyed facilities.'),
  ('entwaesserung', 'Blocked or rattling drains and manhole covers, water that does not drain away, flooding, smell from the sewer.'),
  ('stadtmobiliar', 'Damaged benches, bollards, bicycle stands, railings, fountains and bus shelters.'),
  ('schrottfahrzeuge', 'Abandoned bicycles that no longer work, cars without number plates, trailers and e-scooter wrecks.'),
  ('winterdienst', 'Roads, footpaths and cycle paths not cleared or gritted, black ice, icicles on public buildings.'),
  ('hundekot', 'Dog fouling on footpaths, playgrounds and green spaces, empty dog waste bag dispensers.'),
  ('sonstiges', 'Anything that fits no other category.'),
  ('lob-anregungen', 'Ideas, suggestions for improvement and praise for the city administration.')
) as v(code, description_en)
where c.code = v.code;

update reports_categories c set group_name_en = v.group_name_en
from (values
  ('Straße und Verkehr', 'Roads and traffic'),
  ('Sauberkeit', 'Cleanliness'),
  ('Grün und Freizeit', 'Parks and leisure'),
  ('Sonstiges', 'Other')
) as v(group_name, group_name_en)
where c.group_name = v.group_name;

-- The district filter (extension `district` on GET requests, the public list's Stadtteil filter).
create index reports_requests_district_idx on reports_requests (district, requested_at);
