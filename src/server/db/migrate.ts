import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './create-db.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-stock-ledger.js';
import * as m0003 from './migrations/0003-sales-orders.js';
import * as m0004 from './migrations/0004-outbox-alerts.js';
import * as m0005 from './migrations/0005-order-history.js';
import * as m0006 from './migrations/0006-shipping.js';
import * as m0007 from './migrations/0007-simulator-carrier.js';
import * as m0008 from './migrations/0008-purchasing.js';
import * as m0009 from './migrations/0009-purchase-returns-replenishment.js';
import * as m0010 from './migrations/0010-transfers-counts.js';
import * as m0011 from './migrations/0011-lean-order-indexes.js';
import * as m0012 from './migrations/0012-notify-dispatcher.js';
import * as m0013 from './migrations/0013-message-templates.js';
import * as m0014 from './migrations/0014-sales-returns.js';
import * as m0015 from './migrations/0015-feedback-complaints.js';
import * as m0016 from './migrations/0016-analytics.js';
import * as m0017 from './migrations/0017-outbox-order-id.js';
import * as m0018 from './migrations/0018-demand-forecasts.js';
import * as m0020 from './migrations/0020-analytics-speed.js';
import * as m0021 from './migrations/0021-product-totals.js';
import * as m0022 from './migrations/0022-stock-value-months.js';
import * as m0019 from './migrations/0019-stock-movement-time.js';
import * as m0023 from './migrations/0023-finance.js';
import * as m0024 from './migrations/0024-webhooks.js';
import * as m0025 from './migrations/0025-order-facts-cover.js';
import * as m0026 from './migrations/0026-rollup-prefixes.js';

// Migrations are listed here rather than read from disk so they work the same under tsx and bundlers.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-stock-ledger': m0002,
  '0003-sales-orders': m0003,
  '0004-outbox-alerts': m0004,
  '0005-order-history': m0005,
  '0006-shipping': m0006,
  '0007-simulator-carrier': m0007,
  '0008-purchasing': m0008,
  '0009-purchase-returns-replenishment': m0009,
  '0010-transfers-counts': m0010,
  '0011-lean-order-indexes': m0011,
  '0012-notify-dispatcher': m0012,
  '0013-message-templates': m0013,
  '0014-sales-returns': m0014,
  '0015-feedback-complaints': m0015,
  '0016-analytics': m0016,
  '0017-outbox-order-id': m0017,
  '0018-demand-forecasts': m0018,
  '0020-analytics-speed': m0020,
  '0021-product-totals': m0021,
  '0019-stock-movement-time': m0019,
  '0022-stock-value-months': m0022,
  '0023-finance': m0023,
  '0024-webhooks': m0024,
  '0025-order-facts-cover': m0025,
  '0026-rollup-prefixes': m0026,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // 0013 landed before 0012; a database that already has 0013 still takes 0012.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
