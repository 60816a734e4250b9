/** The city's districts as <option>s, for every district filter (the list comes from /api/city). */
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
