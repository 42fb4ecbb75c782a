// Purchase order states, the allowed transitions and the receiving rules, as data and pure functions.

export const purchaseStatuses = ['draft', 'pending_approval', 'ordered', 'partially_received', 'received', 'closed', 'cancelled'] as const;
export type PurchaseStatus = (typeof purchaseStatuses)[number];
export type PurchaseAction = 'submit' | 'approve' | 'reject' | 'cancel' | 'close' | 'edit';
/** What a receipt does to an order: receive part of it, or the last of it. */
export type ReceiptAction = 'receive_part' | 'receive_rest';

const transitions: Record<PurchaseAction | ReceiptAction, Partial<Record<PurchaseStatus, PurchaseStatus>>> = {
  submit: { draft: 'ordered' },
  approve: { pending_approval: 'ordered' },
  reject: { pending_approval: 'draft' },
  // Cancelling is for orders nothing has arrived against; after a receipt, close what is left instead.
  cancel: { draft: 'cancelled', pending_approval: 'cancelled', ordered: 'cancelled' },
  close: { ordered: 'closed', partially_received: 'closed', received: 'closed' },
  edit: { draft: 'draft' },
  receive_part: { ordered: 'partially_received', partially_received: 'partially_received' },
  receive_rest: { ordered: 'received', partially_received: 'received' },
};

/** The state an action leads to from `status`, or null when the action is not allowed there. */
export function nextPurchaseStatus(status: string, action: PurchaseAction | ReceiptAction): PurchaseStatus | null {
  return transitions[action][status as PurchaseStatus] ?? null;
}

/** Statuses whose open quantities are still coming (在途). */
export const openStatuses: readonly PurchaseStatus[] = ['ordered', 'partially_received'];

/** Whether goods may be received against an order in this status. */
export const isReceivable = (status: string) => nextPurchaseStatus(status, 'receive_part') !== null;

/**
 * The most base units a line may have received in all: the ordered quantity plus the tolerance
 * (basis points, 500 = 5%), rounded down so a tolerance never lets in a unit more than it says.
 */
export const receiveLimit = (baseQuantity: number, toleranceBp: number) => baseQuantity + Math.floor((baseQuantity * toleranceBp) / 10000);

/** Base units of a line still expected: ordered − received, never below 0. */
export const openQuantity = (baseQuantity: number, received: number) => Math.max(0, baseQuantity - received);

/** After a receipt: received in full when every line has all it ordered, else partially. */
export const receiptAction = (lines: ReadonlyArray<{ baseQuantity: number; received: number }>): ReceiptAction =>
  lines.every((l) => l.received >= l.baseQuantity) ? 'receive_rest' : 'receive_part';

/**
 * Cost per base unit of a receipt line, fen, without VAT (input VAT is recoverable): the line's net
 * amount over its base quantity, rounded half up.
 */
export const unitCostOf = (net: number, baseQuantity: number) => Math.floor((2 * net + baseQuantity) / (2 * baseQuantity));

/** The approval check of a submitted order: over the threshold (fen) when one is set. */
export function purchaseApproval(total: number, threshold: number | null): { zh: string; en: string } | null {
  if (threshold == null || total <= threshold) return null;
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return { zh: `采购金额 ¥${yuan(total)} 超过 ¥${yuan(threshold)}`, en: `Purchase total ¥${yuan(total)} is over ¥${yuan(threshold)}` };
}

/** What users call each status and action (glossary: 草稿, 待审核, 已下单, 部分入库, 已入库, 已关闭, 已作废). */
export const purchaseStatusNames: Record<PurchaseStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  pending_approval: { zh: '待审核', en: 'pending approval' },
  ordered: { zh: '已下单', en: 'ordered' },
  partially_received: { zh: '部分入库', en: 'partially received' },
  received: { zh: '已入库', en: 'received' },
  closed: { zh: '已关闭', en: 'closed' },
  cancelled: { zh: '已作废', en: 'cancelled' },
};
export const purchaseActionNames: Record<PurchaseAction | ReceiptAction, { zh: string; en: string }> = {
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '审核', en: 'approve' },
  reject: { zh: '驳回', en: 'reject' },
  cancel: { zh: '作废', en: 'cancel' },
  close: { zh: '关闭', en: 'close' },
  edit: { zh: '修改', en: 'edit' },
  receive_part: { zh: '入库', en: 'receive' },
  receive_rest: { zh: '入库', en: 'receive' },
};
