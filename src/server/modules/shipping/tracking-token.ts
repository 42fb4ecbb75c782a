import { sql } from 'kysely';
import type { DbOrTx } from '../../db/create-db.js';
import { prepared } from '../../db/prepared.js';
import { nowIso } from '../../platform/clock.js';
import { randomToken } from '../../platform/ids.js';

/** Bytes of randomness in a customer tracking token (144 bits; base64url, 24 characters). */
const TOKEN_BYTES = 18;

/** The order's customer tracking token, made on first use (crypto-random, base64url). */
export async function ensureTrackingToken(trx: DbOrTx, orderId: string): Promise<string> {
  // One statement: a new token, or the order's existing one returned unchanged.
  const row = await upsertToken.first(trx, { orderId, token: randomToken(TOKEN_BYTES), createdAt: nowIso() });
  if (!row) throw new Error(`no tracking token for order ${orderId}`);
  return row.token;
}

const upsertToken = prepared((db, a: { orderId: string; token: string; createdAt: string }) =>
  db.insertInto('orderTracking').values(a).onConflict((oc) => oc.column('orderId').doUpdateSet({ token: sql.ref('orderTracking.token') })).returning('token'));

/** The path of the customer tracking page for a token. */
export const trackingPath = (token: string) => `/t/${token}`;
