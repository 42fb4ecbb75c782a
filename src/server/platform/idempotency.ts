import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/create-db.js';
import { prepared } from '../db/prepared.js';
import type { IdempotencyKeyTable } from '../db/schema-documents.js';
import { actorOf } from './access.js';
import { nowIso } from './clock.js';
import { DomainError } from './errors.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Stable JSON (sorted keys) so the same body in another key order hashes the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

const storedReply = prepared((db, a: { actorKey: string; key: string }) => db.selectFrom('idempotencyKeys').selectAll().where('actorKey', '=', a.actorKey).where('key', '=', a.key));
const storeReply = prepared((db, row: IdempotencyKeyTable) => db.insertInto('idempotencyKeys').values(row));

/**
 * Runs a document-creating POST at most once per Idempotency-Key and caller. The key row is
 * written in the same transaction as the document, so a crash leaves neither; a retry with the
 * same key and body gets the stored reply with 200, a different body gets 422, and a concurrent
 * duplicate waits on the key's unique index, is rolled back, and then gets the stored reply.
 */
export async function runIdempotent<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  run: (trx: Tx) => Promise<T>,
  created = 201,
): Promise<FastifyReply> {
  const key = req.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string' || key === '') {
    return reply.status(created).send(await db.transaction().execute(run) as never);
  }
  if (key.length > 200) throw new DomainError('VALIDATION_FAILED', { summary: 'Idempotency-Key' }, [{ field: 'Idempotency-Key', in: 'headers', message: { zh: '不能超过 200 个字符', en: 'At most 200 characters' } }]);
  const actor = actorOf(req);
  const actorKey = `${actor.type}:${actor.id ?? ''}`;
  const route = `${req.method} ${req.routeOptions.url}`;
  const requestHash = createHash('sha256').update(route).update(canonical(req.body)).update(canonical(req.params)).digest('hex');
  const replay = async () => {
    const row = await storedReply.first(db, { actorKey, key });
    if (!row) return null;
    if (row.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_MISMATCH', { key });
    return reply.status(row.statusCode === created ? 200 : row.statusCode).header('idempotent-replayed', 'true').send(JSON.parse(row.response) as never);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const body = await db.transaction().execute(async (trx) => {
      const result = await run(trx);
      // Recorded last, with the reply: a concurrent request with the same key waits on the key's
      // unique index here, fails when this one commits, rolls its document back and replays this reply.
      await storeReply.affected(trx, { actorKey, key, route, requestHash, statusCode: created, response: JSON.stringify(result), createdAt: nowIso() });
      return result;
    });
    return reply.status(created).send(body as never);
  } catch (err) {
    // A duplicate that lost the race fails on the key (or earlier, e.g. on stock the winner took):
    // if the winner's reply is there now, that is the answer. Under SQLite's group commit the
    // winner may sit in the same batch, not yet committed: an empty transaction resolves only
    // after that batch commits (on PostgreSQL it is one BEGIN/COMMIT), then the reply is readable.
    const other = await replay() ?? await db.transaction().execute(async () => undefined).then(replay);
    if (other) return other;
    throw err;
  }
}
