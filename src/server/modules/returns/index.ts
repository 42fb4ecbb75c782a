export { salesReturnRoutes } from './sales-return.routes.js';
export { getSalesReturn } from './sales-return-query.js';
export { returnableLines } from './returnable-lines.js';
export { recordHistoricalReturn, type HistoricalReturnInput } from './sales-return-history.js';
