// Sales order states and the allowed transitions, as data (house style: state machines as data).

export const orderStatuses = ['draft', 'pending_approval', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
/** Backorders are reserved in this order (then requested date, then order date). */
export const orderPriorities = ['urgent', 'high', 'normal', 'low'] as const;
export type OrderPriority = (typeof orderPriorities)[number];
/** Statuses whose priority may still change: the order has not finished shipping. */
export const priorityStatuses: readonly OrderStatus[] = ['draft', 'pending_approval', 'confirmed', 'partially_shipped'];
export type OrderAction = 'confirm' | 'approve' | 'reject' | 'cancel' | 'edit';
/** What shipping does to an order: ship part of it, ship the last of it, all its shipments delivered. */
export type FulfilmentAction = 'ship_part' | 'ship_rest' | 'deliver';

const transitions: Record<OrderAction | FulfilmentAction, Partial<Record<OrderStatus, OrderStatus>>> = {
  confirm: { draft: 'confirmed' },
  approve: { pending_approval: 'confirmed' },
  reject: { pending_approval: 'draft' },
  cancel: { draft: 'cancelled', pending_approval: 'cancelled', confirmed: 'cancelled' },
  edit: { draft: 'draft', pending_approval: 'draft', confirmed: 'confirmed' },
  ship_part: { confirmed: 'partially_shipped', partially_shipped: 'partially_shipped' },
  ship_rest: { confirmed: 'shipped', partially_shipped: 'shipped' },
  deliver: { shipped: 'delivered' },
};

/** The state an action leads to from `status`, or null when the action is not allowed there. */
export function nextStatus(status: string, action: OrderAction | FulfilmentAction): OrderStatus | null {
  return transitions[action][status as OrderStatus] ?? null;
}

/** Whether an order in this status holds reserved stock. */
export const holdsReservation = (status: string) => status === 'confirmed';

/** Percent (up to two decimals) to basis points: 12.5 → 1250. */
export const percentToBp = (percent: number) => Math.round(percent * 100);

/** What users call each status and action (glossary: 草稿, 待审核, 已确认, 部分出库, …). */
export const statusNames: Record<OrderStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  pending_approval: { zh: '待审核', en: 'pending approval' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  partially_shipped: { zh: '部分出库', en: 'partially shipped' },
  shipped: { zh: '已出库', en: 'shipped' },
  delivered: { zh: '已签收', en: 'delivered' },
  closed: { zh: '已关闭', en: 'closed' },
  cancelled: { zh: '已作废', en: 'cancelled' },
};
export const actionNames: Record<OrderAction | FulfilmentAction, { zh: string; en: string }> = {
  confirm: { zh: '确认', en: 'confirm' },
  approve: { zh: '审核', en: 'approve' },
  reject: { zh: '驳回', en: 'reject' },
  cancel: { zh: '作废', en: 'cancel' },
  edit: { zh: '修改', en: 'edit' },
  ship_part: { zh: '发货', en: 'ship' },
  ship_rest: { zh: '发货', en: 'ship' },
  deliver: { zh: '签收', en: 'deliver' },
};

/** Whether shipping may work on an order in this status (pick, pack, ship). */
export const isShippable = (status: string) => nextStatus(status, 'ship_part') !== null;
