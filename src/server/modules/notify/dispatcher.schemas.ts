import { z } from 'zod';
import { listQueryBase } from '../../platform/http-schemas.js';

// Request/response schemas of the outbox view and the email settings.

export const outboxStatus = z.enum(['pending', 'sent', 'failed', 'dead']);

export const outboxQuery = z.strictObject({
  page: listQueryBase.page, pageSize: listQueryBase.pageSize,
  status: outboxStatus.optional().describe('pending: waiting for its first attempt; failed: retried at nextAttemptAt; sent; dead: given up (resend it)'),
  topic: z.string().min(1).max(100).optional(),
});

export const outboxMessageView = z.object({
  id: z.string(), topic: z.string(), payload: z.unknown(), dedupeKey: z.string().nullable(), status: z.string(), attempts: z.number().int(),
  nextAttemptAt: z.string(), lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(),
  lockedUntil: z.string().nullable().describe('While a dispatcher holds the message: until when'),
});

export const deliveryView = z.object({
  id: z.string(), channel: z.string(), recipient: z.string(), attempt: z.number().int(), status: z.enum(['sent', 'failed']),
  error: z.string().nullable(), providerId: z.string().nullable(), at: z.string(),
});

export const outboxMessageDetail = outboxMessageView.extend({ deliveries: z.array(deliveryView) });

// "shop@example.com" or "鑫源商贸 <shop@example.com>"
const fromAddress = z.string().trim().max(200).regex(/^(?:[^<>]+<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, 'an email address, optionally with a name: 鑫源商贸 <shop@example.com>');
const hostName = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/, 'a host name or IP address such as smtp.exmail.qq.com');

export const notifySettingsInput = z.strictObject({
  host: hostName.nullable().optional(),
  port: z.number().int().min(1).max(65535).optional(),
  secure: z.boolean().optional().describe('true: TLS from the start (port 465); false: STARTTLS when the server offers it (587/25)'),
  user: z.string().trim().min(1).max(200).nullable().optional(),
  password: z.string().min(1).max(200).nullable().optional().describe('Omit to keep the saved one; null clears it. Never returned.'),
  from: fromAddress.nullable().optional(),
  shopName: z.string().trim().min(1).max(100).nullable().optional().describe('The shop name templates use ({{shopName}})'),
  maxAttempts: z.number().int().min(1).max(50).optional().describe('Attempts per message before it is dead (default 8)'),
});

export const notifySettingsView = z.object({
  source: z.enum(['settings', 'env']).describe('env: JXC_SMTP_URL is set and takes the place of the saved SMTP server'),
  host: z.string().nullable(), port: z.number().int(), secure: z.boolean(), user: z.string().nullable(), passwordSet: z.boolean(),
  from: z.string().nullable(), shopName: z.string().nullable(), maxAttempts: z.number().int(), configured: z.boolean(), updatedAt: z.string(),
});

export const testEmailInput = z.strictObject({ to: z.email().max(200) });
export const testEmailResult = z.object({ ok: z.literal(true), to: z.string(), providerId: z.string().optional() });
