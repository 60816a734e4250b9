-- Hourly and daily aggregates of a Datastream, kept as Datastreams of their own (Hamburg's pattern):
-- clients read them with plain SensorThings requests. `sensors_aggregate_buckets` holds the running
-- count/sum/min/max per bucket so each ingested batch updates them incrementally; the bucket's
-- Observation in the aggregate Datastream carries the mean.
create table sensors_aggregates (
  source_datastream_id bigint not null references sensors_datastreams (id) on delete cascade,
  period text not null check (period in ('PT1H', 'P1D')),
  datastream_id bigint not null unique references sensors_datastreams (id) on delete cascade,
  primary key (source_datastream_id, period)
);

create table sensors_aggregate_buckets (
  datastream_id bigint not null references sensors_datastreams (id) on delete cascade,
  bucket_start timestamptz not null,
  n integer not null,
  total double precision not null,
  minimum double precision not null,
  maximum double precision not null,
  -- Null until materialised, and again when the Observation was deleted (then it is re-created).
  observation_id bigint references sensors_observations (id) on delete set null,
  primary key (datastream_id, bucket_start)
);
