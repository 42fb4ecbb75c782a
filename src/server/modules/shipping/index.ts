export { pickListRoutes } from './pick-list.routes.js';
export { shipmentRoutes } from './shipment.routes.js';
export { trackingRoutes } from './tracking.routes.js';
export { trackingPath } from './tracking-token.js';
