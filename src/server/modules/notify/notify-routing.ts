import type { DbOrTx } from '../../db/create-db.js';
import { noticesFor, type Notice, type NoticeOptions } from './notice-data.js';
import type { Lang } from './templates.js';

// From an outbox message to its deliveries: noticesFor (notice-data.ts) says which template events
// a topic gives and for whom; the table below says over which channel each audience hears of them.
// Customers get email; staff notices go to the enabled WeCom/DingTalk group robots.

export type DeliveryChannel = 'email' | 'wecom' | 'dingtalk' | 'sms';
export type Delivery = { channel: DeliveryChannel; recipient: string; event: string; lang: Lang; data: Record<string, unknown> };

type Route = (db: DbOrTx, notice: Notice) => Promise<Delivery[]>;

/** Email to the notice's customer, when the customer has an address. */
const customerEmail: Route = async (db, n) => {
  if (!n.customerId) return [];
  const c = await db.selectFrom('customers').select(['name', 'email']).where('id', '=', n.customerId).executeTakeFirst();
  if (!c?.email) return [];
  // Customers have no language of their own yet; a payload may name one, else Chinese.
  const lang: Lang = n.data.lang === 'en' ? 'en' : 'zh-CN';
  return [{ channel: 'email', recipient: c.email, event: n.event, lang, data: { ...n.data, customerName: n.data.customerName ?? c.name } }];
};

/** Every enabled group robot (its `recipient` is the group, a label for the log). */
const staffRobots: Route = async (db, n) => {
  const robots = await db.selectFrom('notifyChannels').select('kind').where('enabled', '=', 1).where('kind', 'in', ['wecom', 'dingtalk']).where('webhookUrl', 'is not', null).orderBy('kind').execute();
  return robots.map((r) => ({ channel: r.kind as 'wecom' | 'dingtalk', recipient: `${r.kind} group`, event: n.event, lang: 'zh-CN' as const, data: n.data }));
};

/** Channels per audience. */
export const deliveryRoutes: Record<Notice['audience'], Route[]> = {
  customer: [customerEmail],
  staff: [staffRobots],
};

/** The deliveries one outbox message asks for. */
export async function deliveriesFor(db: DbOrTx, topic: string, payload: Record<string, unknown>, opts: NoticeOptions = {}): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const notice of await noticesFor(db, topic, payload, opts)) {
    for (const route of deliveryRoutes[notice.audience]) out.push(...await route(db, notice));
  }
  return out;
}
