/**
 * The city profile (name, logo text, colours) is loaded once for the whole shell. When the API
 * is unreachable the shell still renders with the product name only.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { City } from '../api/types';
import { useApi } from '../lib/useApi';

interface CityState {
  city: City | undefined;
  error: unknown;
}

const CityContext = createContext<CityState>({ city: undefined, error: null });

export function CityProvider({ children }: { children: ReactNode }) {
  const { data, error } = useApi<City>('/api/city');
  return <CityContext.Provider value={{ city: data, error }}>{children}</CityContext.Provider>;
}

export function useCity(): CityState {
  return useContext(CityContext);
}
