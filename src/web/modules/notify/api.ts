import { api, request, type Page, type Query } from '../../shared/api/client';

// The notifications admin API: message templates, channels (email, robots, SMS) and the outbox.

export type Lang = 'zh-CN' | 'en';
export type Placeholder = { name: string; type: string; zh: string; en: string; example: unknown; fields?: Placeholder[] };
export type MessageTemplate = {
  event: string; lang: Lang; audience: 'customer' | 'staff'; zh: string; en: string; source: string; customised: boolean;
  subject: string; body: string; defaultSubject: string; defaultBody: string; updatedBy: string | null; updatedAt: string | null;
  placeholders: Placeholder[];
};
export type Rendered = { subject: string; text: string; html: string; markdown: string };

export type ChannelKind = 'wecom' | 'dingtalk' | 'sms';
export type Channel = { kind: ChannelKind; enabled: boolean; webhookUrl: string | null; secretSet: boolean; adapter: string | null; updatedAt: string };
export type ChannelInput = { enabled?: boolean; webhookUrl?: string | null; secret?: string | null; adapter?: string };

export type EmailSettings = {
  source: 'settings' | 'env'; host: string | null; port: number; secure: boolean; user: string | null; passwordSet: boolean;
  from: string | null; shopName: string | null; maxAttempts: number; configured: boolean; updatedAt: string;
};
export type EmailSettingsInput = Partial<Omit<EmailSettings, 'source' | 'passwordSet' | 'configured' | 'updatedAt'>> & { password?: string | null };

export const outboxStatuses = ['pending', 'sent', 'failed', 'dead'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export type OutboxMessage = {
  id: string; topic: string; payload: unknown; dedupeKey: string | null; status: string; attempts: number; nextAttemptAt: string;
  lastError: string | null; createdAt: string; sentAt: string | null; lockedUntil: string | null;
};
export type Delivery = { id: string; channel: string; recipient: string; attempt: number; status: 'sent' | 'failed'; error: string | null; providerId: string | null; at: string };
export type OutboxDetail = OutboxMessage & { deliveries: Delivery[] };

const tpl = (event: string, lang: Lang) => `/message-templates/${encodeURIComponent(event)}/${lang}`;

export const templates = {
  list: () => api.get<{ items: MessageTemplate[] }>('/message-templates').then((r) => r.items),
  save: (event: string, lang: Lang, body: { subject: string; body: string }) => request<MessageTemplate>('PUT', tpl(event, lang), { body }),
  reset: (event: string, lang: Lang) => api.del<MessageTemplate>(tpl(event, lang)),
  preview: (event: string, lang: Lang, body: { subject?: string; body?: string }) => api.post<Rendered>(`${tpl(event, lang)}/preview`, body),
};

export const channels = {
  list: () => api.get<{ items: Channel[] }>('/notify-channels').then((r) => r.items),
  update: (kind: ChannelKind, body: ChannelInput) => request<Channel>('PUT', `/notify-channels/${kind}`, { body }),
  test: (kind: ChannelKind, body: { to?: string }) => api.post<{ ok: true; providerId?: string }>(`/notify-channels/${kind}/test`, body),
};

export const emailSettings = {
  get: () => api.get<EmailSettings>('/settings/notifications'),
  update: (body: EmailSettingsInput) => request<EmailSettings>('PUT', '/settings/notifications', { body }),
  test: (to: string) => api.post<{ ok: true; to: string }>('/settings/notifications/test-email', { to }),
};

export const outbox = {
  list: (query: Query) => api.get<Page<OutboxMessage>>('/outbox', query),
  get: (id: string) => api.get<OutboxDetail>(`/outbox/${id}`),
  resend: (id: string) => api.post<OutboxDetail>(`/outbox/${id}/resend`),
};
