/** Offices as the back-office forms and tables show them: select options and names by id. */
import type { Office } from './types';

/** The first option (e.g. "choose an office") with value "", then every office but `except`. */
export function officeOptions(offices: readonly Office[] | undefined, first: string, except?: number) {
  return [
    { value: '', label: first },
    ...(offices ?? []).filter((o) => o.id !== except).map((o) => ({ value: String(o.id), label: o.name })),
  ];
}

/** The office's name, or its number while the list is loading. */
export const officeName = (offices: readonly Office[] | undefined, id: number): string =>
  offices?.find((o) => o.id === id)?.name ?? String(id);
