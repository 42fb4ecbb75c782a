import { configOrExit } from './cli/config-or-exit.js';
import { buildApp } from './app.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureAdminFromEnv } from './modules/auth/auth.service.js';
import { createDispatcher } from './modules/notify/index.js';
import { createWebhookDispatcher } from './modules/webhooks/index.js';
import { version } from './version.js';
import './platform/fastify-types.js';

async function main(): Promise<void> {
  const config = configOrExit();
  const database = createDb(config.databaseUrl, { backgroundCheckpoints: true });
  await migrateToLatest(database.db);
  if (await ensureAdminFromEnv(database.db, config.adminEmail, config.adminPassword)) {
    console.log(`Created administrator ${config.adminEmail} from JXC_ADMIN_EMAIL`);
  }
  const app = await buildApp({ config, database });
  // The outbox dispatcher runs here unless JXC_DISPATCHER=off (then `npm run worker` sends).
  const dispatcher = config.dispatcher ? createDispatcher(database, config, { logger: app.log }) : null;
  const webhooks = config.dispatcher ? createWebhookDispatcher(database, { logger: app.log }) : null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await dispatcher?.stop();
    await webhooks?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`jxc ${version} on http://localhost:${config.port} (database: ${database.dialect})`);
  dispatcher?.start();
  webhooks?.start();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
