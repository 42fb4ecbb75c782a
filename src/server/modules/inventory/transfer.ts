// Transfer (调拨单) states, the allowed transitions and the cost arithmetic, as data and pure functions.

export const transferStatuses = ['draft', 'in_transit', 'partially_received', 'received', 'cancelled'] as const;
export type TransferStatus = (typeof transferStatuses)[number];
export type TransferAction = 'ship' | 'receive_part' | 'receive_rest' | 'cancel';

const transitions: Record<TransferAction, Partial<Record<TransferStatus, TransferStatus>>> = {
  ship: { draft: 'in_transit' },
  receive_part: { in_transit: 'partially_received', partially_received: 'partially_received' },
  receive_rest: { in_transit: 'received', partially_received: 'received' },
  // From draft nothing moved; from transit what has not arrived goes back to the source.
  cancel: { draft: 'cancelled', in_transit: 'cancelled', partially_received: 'cancelled' },
};

/** The state an action leads to from `status`, or null when the action is not allowed there. */
export function nextTransferStatus(status: string, action: TransferAction): TransferStatus | null {
  return transitions[action][status as TransferStatus] ?? null;
}

/** Statuses whose shipped, not yet received quantities are in transit (在途). */
export const inTransitStatuses: readonly TransferStatus[] = ['in_transit', 'partially_received'];

/** Base units of a line still on the way. */
export const inTransitOf = (l: { shipped: number; received: number; returned: number }) => l.shipped - l.received - l.returned;

/**
 * The cost (fen) of `quantity` of the `remaining` units still in transit, which carry
 * `remainingCost` between them: the proportional share rounded half up, and all of it for the last
 * units, so a line's receipts add up to exactly the cost that left.
 */
export function shareOfCost(remainingCost: number, remaining: number, quantity: number): number {
  if (quantity >= remaining) return remainingCost;
  return Math.floor((2 * remainingCost * quantity + remaining) / (2 * remaining));
}

/**
 * Splits an amount over `quantity` units into at most two unit costs that add up to it exactly:
 * `quantity − r` units at ⌊amount / quantity⌋ and r units at one fen more.
 */
export function splitCost(amount: number, quantity: number): Array<{ quantity: number; unitCost: number }> {
  const base = Math.floor(amount / quantity);
  const r = amount - base * quantity;
  return [{ quantity: quantity - r, unitCost: base }, { quantity: r, unitCost: base + 1 }].filter((p) => p.quantity > 0);
}

/** What users call each status and action (glossary: 草稿, 在途, 部分入库, 已入库, 已作废). */
export const transferStatusNames: Record<TransferStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  in_transit: { zh: '在途', en: 'in transit' },
  partially_received: { zh: '部分入库', en: 'partially received' },
  received: { zh: '已入库', en: 'received' },
  cancelled: { zh: '已作废', en: 'cancelled' },
};
export const transferActionNames: Record<TransferAction, { zh: string; en: string }> = {
  ship: { zh: '调出', en: 'ship' },
  receive_part: { zh: '调入', en: 'receive' },
  receive_rest: { zh: '调入', en: 'receive' },
  cancel: { zh: '作废', en: 'cancel' },
};
