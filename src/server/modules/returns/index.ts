export { salesReturnRoutes } from './sales-return.routes.js';
export { getSalesReturn } from './sales-return-query.js';
