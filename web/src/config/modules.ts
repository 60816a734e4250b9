/**
 * Platform modules an editor can be given write access to. Add a module's id here when its
 * backend starts checking module write permission, and its label in the locale files
 * under `modules.<id>`.
 */
export const EDITABLE_MODULES = [
  'catalog',
  'projects',
  'sensors',
  'parking',
  'waste',
  'reports',
  'opendata',
  'dashboard',
  'content',
] as const;
