// The approval steps of one order, from its history (GET /sales-orders/{id}/history).
import type { ApprovalReason, OrderHistoryEntry } from './api';

export type ApprovalStep = {
  kind: 'submitted' | 'approved' | 'rejected' | 'edited' | 'cancelled';
  at: string;
  by: string | null;
  comment: string | null;
  reasons: ApprovalReason[];
};

/**
 * An order's history → its approval steps, oldest first. `reasons` are the order's current
 * approval reasons, shown on the step that sent it for approval.
 */
export function approvalSteps(entries: OrderHistoryEntry[], reasons: ApprovalReason[]): ApprovalStep[] {
  const steps: ApprovalStep[] = [];
  for (const e of entries) {
    const step = (kind: ApprovalStep['kind'], comment: string | null = null) => steps.push({ kind, at: e.at, by: e.actorName, comment, reasons: kind === 'submitted' ? reasons : [] });
    if (e.toStatus === 'pending_approval' && e.fromStatus !== 'pending_approval') step('submitted');
    else if (e.fromStatus !== 'pending_approval') continue;
    else if (e.action === 'approve') step('approved', e.comment);
    else if (e.action === 'reject') step('rejected', e.comment);
    else if (e.toStatus === 'draft') step('edited');
    else if (e.toStatus === 'cancelled') step('cancelled');
  }
  return steps;
}
