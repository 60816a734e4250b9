/** The city's districts as <option>s, for every district filter (the list comes from /api/city), and their names. */
import { useCity } from './CityContext';

export function DistrictOptions() {
  const { city } = useCity();
  return (
    <>
      {city?.districts.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </>
  );
}

/** A district's name from its id (the id itself while the city is loading or unknown). */
export function useDistrictName(): (id: string | null | undefined) => string | null {
  const { city } = useCity();
  return (id) => (id ? (city?.districts.find((d) => d.id === id)?.name ?? id) : null);
}
