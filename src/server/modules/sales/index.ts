export { salesOrderRoutes } from './sales-order.routes.js';
export { priceOrder } from './pricing.js';
