export { analyticsRoutes } from './analytics.routes.js';
export { analyticsStockRoutes } from './analytics-stock.routes.js';
