/** The city profile: a data file another municipality replaces (CITY_PROFILE=<name> → data/city/<name>.json). */
import { readFileSync } from 'node:fs';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

export const DistrictSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  approximate: Type.Boolean(),
});

export const CityProfileSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  officialName: Type.String(),
  logoText: Type.String(),
  gemeindeschluessel: Type.String({ pattern: '^\\d{8}$' }),
  ars: Type.String({ pattern: '^\\d{12}$' }),
  nuts3: Type.String(),
  state: Type.String(),
  centre: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
  languages: Type.Array(Type.String(), { minItems: 1 }),
  defaultLanguage: Type.String(),
  colours: Type.Record(Type.String(), Type.String()),
  contact: Type.Object({
    organisation: Type.String(),
    address: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    website: Type.Union([Type.String(), Type.Null()]),
  }),
  accessibilityFeedbackEmail: Type.Union([Type.String(), Type.Null()]),
  districts: Type.Array(DistrictSchema),
});

export type CityProfile = Static<typeof CityProfileSchema>;

export function loadCityProfile(name: string): CityProfile {
  const url = new URL(`../../data/city/${name}.json`, import.meta.url);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    throw new Error(`CITY_PROFILE: cannot read data/city/${name}.json (${(err as Error).message})`, { cause: err });
  }
  const errors = [...Value.Errors(CityProfileSchema, raw)];
  if (errors.length) {
    const first = errors[0]!;
    throw new Error(`CITY_PROFILE: data/city/${name}.json is invalid at ${first.instancePath || '/'}: ${first.message}`);
  }
  return Value.Clean(CityProfileSchema, structuredClone(raw)) as CityProfile;
}
