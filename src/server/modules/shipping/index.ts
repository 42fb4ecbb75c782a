export { pickListRoutes } from './pick-list.routes.js';
