export { alertRoutes } from './alert.routes.js';
export { raiseAlert, resolveAlert, resolveAlerts, type NewAlert } from './alert.service.js';
