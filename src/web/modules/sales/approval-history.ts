// The approval steps of one order, read from the audit log (the order keeps only its last comment).
import type { AuditEntry } from '../audit/api';
import type { ApprovalReason } from './api';

export type ApprovalStep = {
  kind: 'submitted' | 'approved' | 'rejected' | 'edited' | 'cancelled';
  at: string;
  by: string | null;
  comment: string | null;
  reasons: ApprovalReason[];
};

type Snapshot = { status?: string; approvalComment?: string | null; approvalReasons?: ApprovalReason[] } | null;

/** Audit entries of one sales order (any order) → its approval steps, oldest first. */
export function approvalSteps(entries: AuditEntry[]): ApprovalStep[] {
  const steps: ApprovalStep[] = [];
  for (const e of [...entries].sort((a, b) => a.at.localeCompare(b.at))) {
    const before = e.before as Snapshot;
    const after = e.after as Snapshot;
    const from = before?.status;
    const to = after?.status;
    const step = (kind: ApprovalStep['kind'], comment: string | null = null) =>
      steps.push({ kind, at: e.at, by: e.actorName, comment, reasons: after?.approvalReasons ?? [] });
    if (to === 'pending_approval' && from !== 'pending_approval') step('submitted');
    else if (from !== 'pending_approval') continue;
    else if (to === 'confirmed') step('approved', after?.approvalComment ?? null);
    // Rejecting and editing both send a waiting order back to draft; only rejecting keeps a comment.
    else if (to === 'draft') step(/ reject(:|$)/.test(e.summary ?? '') || after?.approvalComment ? 'rejected' : 'edited', after?.approvalComment ?? null);
    else if (to === 'cancelled') step('cancelled');
  }
  return steps;
}
