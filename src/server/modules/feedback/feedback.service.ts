import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/create-db.js';
import { nowIso } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import type { FeedbackAnswer, FeedbackListQuery } from './feedback.schemas.js';

/** Bytes of randomness in a feedback token (144 bits; base64url, 24 characters). */
const TOKEN_BYTES = 18;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;

/** The path of the customer's rating page for a token. */
export const feedbackPath = (token: string) => `/feedback/${token}`;

/** The order's feedback token, made on its first delivery (one per order; later calls return it unchanged). */
export async function ensureFeedbackRequest(trx: DbOrTx, orderId: string): Promise<string> {
  const row = await trx.insertInto('feedbackRequests')
    .values({ id: newId(), orderId, token: randomToken(TOKEN_BYTES), rating: null, comment: null, createdAt: nowIso(), answeredAt: null })
    .onConflict((oc) => oc.column('orderId').doUpdateSet({ token: sql.ref('feedbackRequests.token') }))
    .returning('token').executeTakeFirstOrThrow();
  return row.token;
}

async function requestByToken(db: DbOrTx, token: string) {
  const r = TOKEN_SHAPE.test(token)
    ? await db.selectFrom('feedbackRequests as f').innerJoin('salesOrders as o', 'o.id', 'f.orderId')
      .select(['f.id', 'f.orderId', 'f.rating', 'f.comment', 'f.answeredAt', 'o.number as orderNumber', 'o.orderDate', 'o.createdAt as orderCreatedAt']).where('f.token', '=', token).executeTakeFirst()
    : undefined;
  if (!r) throw new DomainError('NOT_FOUND', { entity: 'feedback' }, [{ field: 'token', in: 'params', message: { zh: '评价链接不存在或已失效', en: 'No such feedback link' } }]);
  return r;
}

/** What the customer's rating page shows: order number, date, what was ordered, whether already answered. No prices or customer details. */
export async function getFeedbackForm(db: DbOrTx, token: string) {
  const r = await requestByToken(db, token);
  const lines = await db.selectFrom('salesOrderLines as l').innerJoin('products as p', 'p.id', 'l.productId')
    .select(['p.name as productName', 'l.quantity', 'l.unitName']).where('l.orderId', '=', r.orderId).orderBy('l.lineNo').execute();
  return {
    orderNumber: r.orderNumber, orderDate: r.orderDate ?? r.orderCreatedAt.slice(0, 10), answered: r.answeredAt != null, rating: r.rating == null ? null : Number(r.rating), answeredAt: r.answeredAt,
    lines: lines.map((l) => ({ productName: l.productName, quantity: Number(l.quantity), unit: l.unitName })),
  };
}

/**
 * Saves the customer's rating. One conditional update (`answered_at IS NULL`): a link used before,
 * or two answers racing, leave exactly one rating and the other is 409 FEEDBACK_USED.
 */
export async function submitFeedback(db: Db, token: string, input: FeedbackAnswer) {
  const r = await requestByToken(db, token);
  const res = await db.updateTable('feedbackRequests').set({ rating: input.rating, comment: input.comment ?? null, answeredAt: nowIso() })
    .where('id', '=', r.id).where('answeredAt', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new DomainError('FEEDBACK_USED', {}, [{ field: 'token', in: 'params', message: { zh: '该评价链接已使用', en: 'This link has been used' } }]);
  return getFeedbackForm(db, token);
}

/** Answered feedback, newest first, with the average rating over every match. */
export async function listFeedback(db: DbOrTx, q: FeedbackListQuery) {
  let base = db.selectFrom('feedbackRequests as f').innerJoin('salesOrders as o', 'o.id', 'f.orderId').innerJoin('customers as c', 'c.id', 'o.customerId')
    .where('f.answeredAt', 'is not', null);
  if (q.rating !== undefined) base = base.where('f.rating', '=', q.rating);
  if (q.minRating !== undefined) base = base.where('f.rating', '>=', q.minRating);
  if (q.maxRating !== undefined) base = base.where('f.rating', '<=', q.maxRating);
  if (q.orderId) base = base.where('f.orderId', '=', q.orderId);
  if (q.q) base = base.where((eb) => eb.or([eb('o.number', 'like', `%${q.q}%`), eb('c.name', 'like', `%${q.q}%`), eb('f.comment', 'like', `%${q.q}%`)]));
  const agg = await base.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('f.rating').as('avg')]).executeTakeFirstOrThrow();
  const rows = await base.select(['f.id', 'f.orderId', 'o.number as orderNumber', 'o.customerId', 'c.name as customerName', 'f.rating', 'f.comment', 'f.answeredAt', 'f.createdAt'])
    .orderBy('f.answeredAt', 'desc').orderBy('f.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const total = Number(agg.n);
  return {
    items: rows.map((r) => ({ ...r, rating: Number(r.rating), answeredAt: r.answeredAt as string })),
    total, page: q.page, pageSize: q.pageSize, average: total ? Math.round(Number(agg.avg) * 100) / 100 : null,
  };
}
