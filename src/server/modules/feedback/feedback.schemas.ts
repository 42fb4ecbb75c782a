import { z } from 'zod';
import { listQueryBase } from '../../platform/http-schemas.js';
import { complaintCategories, complaintPriorities, complaintStatuses } from './complaint.js';

const zhen = z.object({ zh: z.string(), en: z.string() });

export const tokenParams = z.strictObject({ token: z.string().min(1).max(100) });

export const feedbackAnswer = z.strictObject({
  rating: z.number().int().min(1).max(5).describe('1 (very unhappy) to 5 (very happy)'),
  comment: z.string().trim().max(2000).nullish(),
});
export type FeedbackAnswer = z.infer<typeof feedbackAnswer>;

export const feedbackForm = z.object({
  orderNumber: z.string(), orderDate: z.string(), answered: z.boolean(), rating: z.number().int().nullable(), answeredAt: z.string().nullable(),
  lines: z.array(z.object({ productName: z.string(), quantity: z.number(), unit: z.string() })),
});

export const feedbackListQuery = z.strictObject({
  ...listQueryBase,
  rating: z.coerce.number().int().min(1).max(5).optional(),
  minRating: z.coerce.number().int().min(1).max(5).optional(),
  maxRating: z.coerce.number().int().min(1).max(5).optional(),
  orderId: z.string().max(64).optional(),
});
export type FeedbackListQuery = z.infer<typeof feedbackListQuery>;

export const feedbackItem = z.object({
  id: z.string(), orderId: z.string(), orderNumber: z.string(), customerId: z.string(), customerName: z.string(), rating: z.number().int(),
  comment: z.string().nullable(), answeredAt: z.string(), createdAt: z.string(),
});
export const feedbackPage = z.object({ items: z.array(feedbackItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), average: z.number().nullable() });

const category = z.enum(complaintCategories).describe('logistics 物流, quality 质量, service 服务, price 价格, other 其他');
const priority = z.enum(complaintPriorities);

export const complaintInput = z.strictObject({
  orderId: z.string().min(1).max(64),
  category,
  description: z.string().trim().min(1).max(4000),
  contact: z.string().trim().max(200).nullish(),
  assigneeId: z.string().max(64).nullish(),
  priority: priority.optional(),
});
export type ComplaintInput = z.infer<typeof complaintInput>;

export const publicComplaintInput = z.strictObject({
  category,
  description: z.string().trim().min(1).max(4000),
  contact: z.string().trim().max(200).nullish(),
});

export const complaintPatch = z.strictObject({
  assigneeId: z.string().max(64).nullable().optional(),
  priority: priority.optional(),
  comment: z.string().trim().min(1).max(4000).optional(),
});
export type ComplaintPatch = z.infer<typeof complaintPatch>;

export const transitionBody = z.strictObject({ comment: z.string().trim().max(2000).nullish() });

const historyEntry = z.object({ at: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), comment: z.string().nullable(), actorName: z.string().nullable() });
export const complaintSummary = z.object({
  id: z.string(), orderId: z.string(), orderNumber: z.string(), customerId: z.string(), customerName: z.string(), category: z.string(), categoryName: zhen,
  description: z.string(), contact: z.string().nullable(), priority: z.string(), status: z.enum(complaintStatuses), source: z.string(),
  assigneeId: z.string().nullable(), assigneeName: z.string().nullable(), dueAt: z.string(), overdue: z.boolean(), resolvedAt: z.string().nullable(),
  actorName: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
export const complaintView = complaintSummary.extend({ history: z.array(historyEntry) });

export const complaintListQuery = z.strictObject({
  ...listQueryBase,
  status: z.enum(complaintStatuses).optional(),
  category: category.optional(),
  assigneeId: z.string().max(64).optional(),
  orderId: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

export const slaView = z.object(Object.fromEntries(complaintCategories.map((c) => [c, z.number().int()])) as Record<(typeof complaintCategories)[number], z.ZodNumber>);
export const slaPatch = z.strictObject(Object.fromEntries(complaintCategories.map((c) => [c, z.number().int().min(1).max(24 * 90).optional()])) as Record<(typeof complaintCategories)[number], z.ZodOptional<z.ZodNumber>>);
export type SlaPatch = z.infer<typeof slaPatch>;

export const timelineEntry = z.object({
  at: z.string(),
  kind: z.enum(['order', 'shipment', 'tracking', 'return', 'complaint', 'feedback', 'message']),
  title: zhen,
  detail: z.string().nullable(),
  actorName: z.string().nullable().optional(),
  refId: z.string().nullable().optional().describe('The shipment, return, complaint or outbox message the entry is about'),
  channel: z.string().nullable().optional(),
  recipient: z.string().nullable().optional(),
  status: z.string().nullable().optional().describe('For messages: sent, failed (to be retried), dead (failed for good), or the outbox status (pending…) when no attempt was logged'),
  attempts: z.number().int().nullable().optional(),
  error: z.string().nullable().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;
