// Feedback requests and complaints (migration 0015).

/** One rating link per delivered order; rating and comment once answered. */
export interface FeedbackRequestTable {
  id: string;
  orderId: string;
  token: string;
  rating: number | null;
  comment: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface ComplaintTable {
  id: string;
  orderId: string;
  customerId: string;
  /** logistics, quality, service, price, other */
  category: string;
  description: string;
  contact: string | null;
  /** low, normal, high, urgent */
  priority: string;
  /** open, in_progress, resolved, closed */
  status: string;
  /** staff or customer (the tracking link) */
  source: string;
  assigneeId: string | null;
  dueAt: string;
  resolvedAt: string | null;
  actorName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ComplaintHistoryTable {
  id: string;
  complaintId: string;
  at: string;
  /** create, start, resolve, close, reopen, assign, comment */
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  actorName: string | null;
}

/** SLA hours per complaint category. */
export interface ComplaintSlaTable {
  category: string;
  hours: number;
}
