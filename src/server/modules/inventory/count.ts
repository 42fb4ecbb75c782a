// Stock count (盘点单) states and the variance rule, as data and pure functions.

export const countStatuses = ['counting', 'approved', 'cancelled'] as const;
export type CountStatus = (typeof countStatuses)[number];
export type CountAction = 'scan' | 'approve' | 'cancel';

const transitions: Record<CountAction, Partial<Record<CountStatus, CountStatus>>> = {
  scan: { counting: 'counting' },
  approve: { counting: 'approved' },
  cancel: { counting: 'cancelled' },
};

/** The state an action leads to from `status`, or null when the action is not allowed there. */
export function nextCountStatus(status: string, action: CountAction): CountStatus | null {
  return transitions[action][status as CountStatus] ?? null;
}

/** What a count covers beyond its warehouse; empty = the whole warehouse. */
export type CountScope = { zone?: string; binIds?: string[]; productIds?: string[]; categoryId?: string };

export const isWholeWarehouse = (s: CountScope) => !s.zone && !s.binIds?.length && !s.productIds?.length && !s.categoryId;

/** How a line came out: counted more (gain, 盘盈), less (loss, 盘亏), the same, or not counted. */
export type LineOutcome = 'gain' | 'loss' | 'match' | 'uncounted';

/**
 * A line's variance: counted − (snapshot + movements since the snapshot). Not counted: no variance,
 * unless uncounted lines count as zero (a full count: what was not found is not there).
 */
export function varianceOf(line: { snapshot: number; movements: number; counted: number | null }, uncountedAsZero: boolean) {
  const expected = line.snapshot + line.movements;
  const counted = line.counted ?? (uncountedAsZero ? 0 : null);
  if (counted === null) return { expected, counted, variance: null, outcome: 'uncounted' as LineOutcome };
  const variance = counted - expected;
  return { expected, counted, variance, outcome: (variance > 0 ? 'gain' : variance < 0 ? 'loss' : 'match') as LineOutcome };
}

/** Value (fen) of a quantity at a unit cost. */
export const valueAt = (quantity: number, unitCost: number) => quantity * unitCost;

export const countStatusNames: Record<CountStatus, { zh: string; en: string }> = {
  counting: { zh: '盘点中', en: 'counting' },
  approved: { zh: '已审核', en: 'approved' },
  cancelled: { zh: '已作废', en: 'cancelled' },
};
export const countActionNames: Record<CountAction, { zh: string; en: string }> = {
  scan: { zh: '录入盘点数', en: 'enter counts on' },
  approve: { zh: '审核', en: 'approve' },
  cancel: { zh: '作废', en: 'cancel' },
};
