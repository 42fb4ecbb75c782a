export { purchasingRoutes } from './purchasing.routes.js';
export { purchaseReturnRoutes } from './purchase-return.routes.js';
export { replenishmentRoutes } from './replenishment.routes.js';
export { checkReorderPoints } from './reorder-check.js';
export { createPurchaseOrder, getPurchaseOrder, transitionPurchaseOrder } from './purchase-order.service.js';
export { postReceipt, getReceipt } from './purchase-receipt.service.js';
export { incomingByLevel, openOrderLines, restockFromOrders } from './incoming.repository.js';
export { purchaseOrderInput, receiptInput, type PurchaseOrderInput, type PurchaseOrderView, type ReceiptInput, type ReceiptView } from './purchasing.schemas.js';
