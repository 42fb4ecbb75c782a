// Table types of message templates and the group-robot/SMS channel settings (camelCase; see schema.ts).

/** An admin's edit of an event's template in one language; no row means the built-in default. */
export interface MessageTemplateTable {
  event: string;
  lang: string;
  subject: string;
  body: string;
  updatedBy: string | null;
  updatedAt: string;
}

/** Settings of one webhook/SMS channel (kind wecom | dingtalk | sms), one row each. */
export interface NotifyChannelTable {
  kind: string;
  enabled: number;
  webhookUrl: string | null;
  secret: string | null;
  adapter: string | null;
  updatedAt: string;
}

/** SMS written by the built-in `log` adapter instead of being sent. */
export interface SmsLogTable {
  id: string;
  recipient: string;
  text: string;
  adapter: string;
  createdAt: string;
}
