export { alertRoutes } from './alert.routes.js';
export { raiseAlert, resolveAlert, type NewAlert } from './alert.service.js';
