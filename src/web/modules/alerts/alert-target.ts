import type { Alert } from './api';

/**
 * Where an alert leads, when the user may open it: the sales order it is about (an approval, or a
 * backorder's order), a reorder point's replenishment suggestions, else the product's stock. Null
 * when there is nothing to open.
 */
export function alertTarget(a: Alert, can: (p: string) => boolean): string | null {
  const data = (a.data ?? {}) as { orderId?: unknown; warehouseId?: unknown };
  if (a.entity === 'salesOrder' && a.entityId && can('sales:read')) return `/sales-orders/${a.entityId}`;
  if (typeof data.orderId === 'string' && can('sales:read')) return `/sales-orders/${data.orderId}`;
  if (a.entity === 'product' && a.entityId) {
    const wh = typeof data.warehouseId === 'string' ? `&warehouseId=${encodeURIComponent(data.warehouseId)}` : '';
    // A reorder point reached: what to order and why, for that product.
    if (a.kind === 'reorder_point' && can('purchasing:read')) return `/replenishment?productId=${encodeURIComponent(a.entityId)}${wh}`;
    if (can('stock:read')) return `/stock/movements?productId=${encodeURIComponent(a.entityId)}${wh}`;
    if (can('catalog:read')) return `/products/${a.entityId}`;
  }
  return null;
}
