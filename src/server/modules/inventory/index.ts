export { stockRoutes } from './stock.routes.js';
export { transferRoutes } from './transfer.routes.js';
export { countRoutes } from './count.routes.js';
export { changeStock, type StockMove, type ReservationChange, type MovementKind } from './stock-ledger.js';
export { verifyStock } from './stock-verify.js';
export { notifyBackInStock } from './back-in-stock.js';
export { reserveAvailable, type ReserveRequest } from './reserve-available.js';
export { postOpening, postAdjustment } from './stock.service.js';
export { openingInput, adjustmentInput, type OpeningInput } from './stock.schemas.js';
