// `npm run worker`: the outbox dispatcher and the webhook dispatcher as a process of their own (beside or instead of the one in the
// server; set JXC_DISPATCHER=off on the servers to leave sending to workers). Several may run against
// one PostgreSQL database: each message is claimed by one of them. SIGINT/SIGTERM finish the round
// in flight and exit.
import pino from 'pino';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { createDispatcher } from '../modules/notify/index.js';
import { createWebhookDispatcher } from '../modules/webhooks/index.js';
import { configOrExit } from './config-or-exit.js';

async function main(): Promise<void> {
  const config = configOrExit();
  const log = pino({ level: config.logLevel });
  const database = createDb(config.databaseUrl, { poolSize: 4 });
  await migrateToLatest(database.db);
  const dispatcher = createDispatcher(database, config, { logger: log });
  const webhooks = createWebhookDispatcher(database, { logger: log });
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'worker stopping');
    await dispatcher.stop();
    await webhooks.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  dispatcher.start();
  webhooks.start();
  log.info(`jxc worker sending the outbox (database: ${database.dialect})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
