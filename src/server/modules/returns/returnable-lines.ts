import type { DbOrTx } from '../../db/create-db.js';
import { businessDate } from '../../platform/clock.js';
import * as repo from './sales-return.repository.js';
import { lastReturnDay } from './sales-return.js';

/**
 * What each shipped line of an order can still be asked back today, in base units: shipped minus
 * earlier requests, only while its return window is open. For the customer's tracking page; the
 * request itself is checked again by requestReturn.
 */
export async function returnableLines(db: DbOrTx, lineIds: string[]): Promise<Map<string, number>> {
  const lines = (await repo.orderLines(db, lineIds)).filter((l) => l.shipped > 0);
  const out = new Map<string, number>();
  if (!lines.length) return out;
  const ids = lines.map((l) => l.id);
  const [settings, byCategory, handed, requested] = await Promise.all([repo.settingsRow(db), repo.categoryWindows(db), repo.lastHandedOver(db, ids), repo.requestedSoFar(db, ids)]);
  const today = businessDate();
  for (const l of lines) {
    const at = handed.get(l.id);
    const days = (l.categoryId ? byCategory.get(l.categoryId) : undefined) ?? Number(settings.windowDays);
    if (!at || today > lastReturnDay(businessDate(new Date(at)), days)) continue;
    const left = l.shipped - (requested.get(l.id) ?? 0);
    if (left > 0) out.set(l.id, left);
  }
  return out;
}
