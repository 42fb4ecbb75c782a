import { api, request, type Page, type Query } from '../../shared/api/client';

export const complaintCategories = ['logistics', 'quality', 'service', 'price', 'other'] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];
export const complaintStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type ComplaintAction = 'start' | 'resolve' | 'close' | 'reopen';

type ZhEn = { zh: string; en: string };
export type ComplaintSummary = {
  id: string; orderId: string; orderNumber: string; customerId: string; customerName: string; category: string; categoryName: ZhEn;
  description: string; contact: string | null; priority: string; status: ComplaintStatus; source: string;
  assigneeId: string | null; assigneeName: string | null; dueAt: string; overdue: boolean; resolvedAt: string | null;
  actorName: string | null; createdAt: string; updatedAt: string;
};
export type ComplaintHistory = { at: string; action: string; fromStatus: string | null; toStatus: string | null; comment: string | null; actorName: string | null };
export type Complaint = ComplaintSummary & { history: ComplaintHistory[] };
export type ComplaintInput = { orderId: string; category: ComplaintCategory; description: string; contact?: string; assigneeId?: string; priority?: string };
export type ComplaintPatch = { assigneeId?: string | null; priority?: string; comment?: string };
export type Sla = Record<ComplaintCategory, number>;
export type Assignee = { id: string; name: string };

export type FeedbackItem = { id: string; orderId: string; orderNumber: string; customerId: string; customerName: string; rating: number; comment: string | null; answeredAt: string; createdAt: string };
export type FeedbackPage = Page<FeedbackItem> & { average: number | null };

export type TimelineEntry = {
  at: string; kind: 'order' | 'shipment' | 'tracking' | 'return' | 'complaint' | 'feedback' | 'message'; title: ZhEn; detail: string | null;
  actorName?: string | null; refId?: string | null; channel?: string | null; recipient?: string | null; status?: string | null; attempts?: number | null; error?: string | null;
};

export const complaints = {
  list: (query: Query) => api.get<Page<ComplaintSummary>>('/complaints', query),
  get: (id: string) => api.get<Complaint>(`/complaints/${id}`),
  create: (input: ComplaintInput) => api.post<Complaint>('/complaints', input),
  update: (id: string, patch: ComplaintPatch) => api.patch<Complaint>(`/complaints/${id}`, patch),
  act: (id: string, action: ComplaintAction, comment?: string) => request<Complaint>('POST', `/complaints/${id}/${action}`, { body: { comment: comment || undefined } }),
  assignees: () => api.get<Assignee[]>('/complaints/assignees'),
  sla: () => api.get<Sla>('/complaints/settings'),
  updateSla: (patch: Partial<Sla>) => api.patch<Sla>('/complaints/settings', patch),
};

export const feedback = {
  list: (query: Query) => api.get<FeedbackPage>('/feedback', query),
};

/** Every event of a sales order, oldest first, each message with its delivery status. */
export const orderTimeline = (orderId: string) => api.get<TimelineEntry[]>(`/sales-orders/${orderId}/timeline`);

/** The steps the server allows from a status (its table in complaint.ts), for showing buttons. */
export const complaintActions = (status: ComplaintStatus): ComplaintAction[] => ({
  open: ['start', 'resolve'], in_progress: ['resolve'], resolved: ['close', 'reopen'], closed: [],
} as Record<ComplaintStatus, ComplaintAction[]>)[status];
