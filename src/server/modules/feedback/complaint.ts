// Complaints (投诉): categories, priorities, the status machine as a table, SLA and overdue. No I/O.

export const complaintCategories = ['logistics', 'quality', 'service', 'price', 'other'] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];
export const categoryNames: Record<ComplaintCategory, { zh: string; en: string }> = {
  logistics: { zh: '物流', en: 'Logistics' }, quality: { zh: '质量', en: 'Quality' }, service: { zh: '服务', en: 'Service' },
  price: { zh: '价格', en: 'Price' }, other: { zh: '其他', en: 'Other' },
};

export const complaintPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const complaintStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const statusNames: Record<ComplaintStatus, { zh: string; en: string }> = {
  open: { zh: '待处理', en: 'open' }, in_progress: { zh: '处理中', en: 'in progress' }, resolved: { zh: '已解决', en: 'resolved' }, closed: { zh: '已关闭', en: 'closed' },
};

export type ComplaintAction = 'start' | 'resolve' | 'close' | 'reopen';
export const actionNames: Record<ComplaintAction, { zh: string; en: string }> = {
  start: { zh: '开始处理', en: 'start' }, resolve: { zh: '标记为已解决', en: 'resolve' }, close: { zh: '关闭', en: 'close' }, reopen: { zh: '重新打开', en: 'reopen' },
};

/** Allowed transitions: action → (from statuses, to status). */
export const transitions: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  start: { from: ['open'], to: 'in_progress' },
  resolve: { from: ['open', 'in_progress'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'in_progress' },
};

/** The status an action leads to from `status`, or null when the action is not allowed there. */
export function nextStatus(status: string, action: ComplaintAction): ComplaintStatus | null {
  const t = transitions[action];
  return (t.from as readonly string[]).includes(status) ? t.to : null;
}

/** When a complaint made at `createdAt` is due, given its category's SLA hours. */
export const dueAtFor = (createdAt: string, hours: number) => new Date(Date.parse(createdAt) + hours * 3600_000).toISOString();

/** Overdue: still open or in progress after its due time. */
export const isOverdue = (c: { status: string; dueAt: string }, now: string) => (c.status === 'open' || c.status === 'in_progress') && c.dueAt < now;
