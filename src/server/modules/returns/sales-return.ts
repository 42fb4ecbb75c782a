// Sales returns (销售退货单): states, approval rule, return window and refund maths. No I/O.

export const returnStatuses = ['requested', 'approved', 'rejected', 'partially_received', 'received', 'inspected', 'refunded', 'closed', 'cancelled'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];
export const returnReasons = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'no_longer_needed', 'other'] as const;
export type ReturnReason = (typeof returnReasons)[number];
export const grades = ['A', 'B', 'C'] as const;
export const dispositions = ['restock', 'scrap', 'return_to_supplier'] as const;
export type Disposition = (typeof dispositions)[number];
export const refundMethods = ['original', 'cash', 'bank', 'credit_note'] as const;

export type ReturnAction = 'approve' | 'reject' | 'cancel' | 'receive' | 'inspect' | 'refund' | 'close' | 'exchange';

// The allowed transitions: action → the states it may start from.
const from: Record<ReturnAction, readonly ReturnStatus[]> = {
  approve: ['requested'],
  reject: ['requested'],
  cancel: ['requested', 'approved'],
  receive: ['approved', 'partially_received'],
  inspect: ['partially_received', 'received'],
  refund: ['inspected'],
  close: ['inspected'],
  exchange: ['approved', 'partially_received', 'received', 'inspected', 'refunded'],
};

/** The states an action may start from. */
export const fromStatuses = (action: ReturnAction): readonly ReturnStatus[] => from[action];

/** Whether an action may run on a return in this state. */
export const canDo = (status: string, action: ReturnAction): boolean => (from[action] as readonly string[]).includes(status);

/** Statuses whose lines count against what an order line can still have returned. */
export const holdsQuantity = (status: string) => status !== 'rejected' && status !== 'cancelled';

export const statusNames: Record<ReturnStatus, [string, string]> = {
  requested: ['待审核', 'requested'],
  approved: ['已审核', 'approved'],
  rejected: ['已驳回', 'rejected'],
  partially_received: ['部分收货', 'partially received'],
  received: ['已收货', 'received'],
  inspected: ['已质检', 'inspected'],
  refunded: ['已退款', 'refunded'],
  closed: ['已关闭', 'closed'],
  cancelled: ['已作废', 'cancelled'],
};

export const actionNames: Record<ReturnAction, [string, string]> = {
  approve: ['审核', 'approve'],
  reject: ['驳回', 'reject'],
  cancel: ['作废', 'cancel'],
  receive: ['收货', 'receive'],
  inspect: ['质检', 'inspect'],
  refund: ['退款', 'refund'],
  close: ['关闭', 'close'],
  exchange: ['换货', 'exchange'],
};

/**
 * The approval rule: a return is approved at once when what its lines were paid is at most the
 * threshold and no line gives 'other' as its reason; otherwise it waits for the approver role.
 */
export function approvalDecision(value: number, reasons: readonly string[], threshold: number): { auto: boolean; reasons: string[] } {
  const why: string[] = [];
  if (value > threshold) why.push('value_over_threshold');
  if (reasons.includes('other')) why.push('reason_other');
  return { auto: why.length === 0, reasons: why };
}

/** The last day (YYYY-MM-DD) a line can be asked back: the delivery (else shipment) day plus the window. */
export function lastReturnDay(day: string, windowDays: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + windowDays);
  return d.toISOString().slice(0, 10);
}

/** What `quantity` base units of an order line were paid: its total (incl. tax, after every discount) pro rata, half up. */
export const paidFor = (lineTotal: number, lineBaseQuantity: number, quantity: number): number =>
  lineBaseQuantity > 0 ? Math.round((lineTotal * quantity) / lineBaseQuantity) : 0;

/** The original cost per base unit from the sale's movements out: Σ cost / Σ quantity, half up. */
export const originalUnitCost = (costAmount: number, quantity: number): number => (quantity > 0 ? Math.round(costAmount / quantity) : 0);

/** A restocking fee as an amount or a percentage (basis points of the refundable), never more than the refundable. */
export function restockingFee(refundable: number, fee: { amount?: number; percent?: number }): number {
  const f = fee.amount ?? (fee.percent !== undefined ? Math.round((refundable * fee.percent) / 100) : 0);
  return Math.min(Math.max(0, f), refundable);
}
