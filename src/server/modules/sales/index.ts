export { salesOrderRoutes } from './sales-order.routes.js';
export { priceOrder, priceStatedLine } from './pricing.js';
export { createSalesOrder, getSalesOrder } from './sales-order.service.js';
export { salesOrderInput, salesOrderLineInput, type SalesOrderInput, type SalesOrderView } from './sales-order.schemas.js';
export { markImported, recordHistoricalOrder, type StatedLine } from './sales-order-history.js';
export * as orderShipping from './sales-order-shipping.js';
export { orderTimeline } from './sales-order-timeline.js';
