import { z } from 'zod';
import { httpUrl } from '../../platform/http-schemas.js';

// Request and response schemas of message templates and webhook/SMS channel settings.

export const langParam = z.enum(['zh-CN', 'en']);
export const templateParams = z.strictObject({ event: z.string().min(1).max(100), lang: langParam });

const placeholderBase = z.object({
  name: z.string(),
  type: z.enum(['text', 'number', 'money', 'date', 'datetime', 'url', 'list']),
  zh: z.string(),
  en: z.string(),
  example: z.unknown(),
});
export const placeholderView = placeholderBase.extend({ fields: z.array(placeholderBase).optional() });

export const templateView = z.object({
  event: z.string(),
  lang: langParam,
  audience: z.enum(['customer', 'staff']),
  zh: z.string().describe('what the event is, in Chinese'),
  en: z.string(),
  source: z.string().describe('the outbox topic the event comes from, or planned'),
  customised: z.boolean().describe('true when an admin edited it; false: the built-in default'),
  subject: z.string(),
  body: z.string(),
  defaultSubject: z.string(),
  defaultBody: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  placeholders: z.array(placeholderView),
});

const templateText = (max: number) => z.string().max(max).refine((s) => s.trim().length > 0, { message: '不能为空 | Must not be empty' });
export const templateInput = z.strictObject({ subject: templateText(500), body: templateText(20_000) });

export const previewInput = z.strictObject({
  subject: templateText(500).optional(),
  body: templateText(20_000).optional(),
  data: z.record(z.string(), z.unknown()).optional().describe('values for the placeholders; missing ones take the event’s example values'),
});
export const renderedView = z.object({ subject: z.string(), text: z.string(), html: z.string(), markdown: z.string() });

export const channelKind = z.enum(['wecom', 'dingtalk', 'sms']);
export const channelParams = z.strictObject({ kind: channelKind });

export const channelInput = z.strictObject({
  enabled: z.boolean().optional(),
  webhookUrl: httpUrl.nullish().describe('group robot webhook URL (WeCom, DingTalk)'),
  secret: z.string().trim().max(500).nullish().describe('DingTalk signing secret (加签, SEC…); for SMS the adapter’s credentials; write-only'),
  adapter: z.string().trim().min(1).max(50).optional().describe('SMS adapter name (log is built in)'),
});
export const channelView = z.object({
  kind: channelKind,
  enabled: z.boolean(),
  webhookUrl: z.string().nullable(),
  secretSet: z.boolean(),
  adapter: z.string().nullable(),
  updatedAt: z.string(),
});
export const channelTestInput = z.strictObject({
  to: z.string().trim().max(100).optional().describe('SMS: the phone number; robots: ignored'),
  event: z.string().max(100).optional().describe('event whose example message is sent (default order.confirmed)'),
  lang: langParam.optional(),
});
