/** city module: the city profile as an API. */
export { cityRoutes } from './city.routes.js';
