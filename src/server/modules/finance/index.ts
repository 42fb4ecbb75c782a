export { financeRoutes } from './finance.routes.js';
export { bookReturnCredit, bookShipmentInvoice, settlePurchaseReturn } from './booking.service.js';
export { addDays, daysBetween } from './ledger.js';
export { customerCredit } from './credit.js';
export { accountingExportRoutes } from './accounting-export.routes.js';
