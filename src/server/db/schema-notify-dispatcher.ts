// Table types of the outbox dispatcher's delivery log and the email settings (camelCase; see schema.ts).

/** One attempt to deliver an outbox message to one recipient over one channel. */
export interface MessageDeliveryTable {
  id: string;
  outboxId: string;
  channel: string;
  recipient: string;
  attempt: number;
  /** sent | failed */
  status: string;
  error: string | null;
  providerId: string | null;
  at: string;
}

/** The one row (id 'default') of notification settings: SMTP server, sender, shop name, attempts. */
export interface NotifySettingsTable {
  id: string;
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: number;
  smtpUser: string | null;
  smtpPassword: string | null;
  smtpFrom: string | null;
  shopName: string | null;
  maxAttempts: number;
  updatedBy: string | null;
  updatedAt: string;
}
