import { loadConfig } from '../bot/config';
import { storageTarget } from '../bot/create-bot-app';
import { createAppServices, prepareStorage } from '../services/app-services';
import { systemClock } from '../services/clock';
import { seedDemo } from '../services/demo/seed-demo';
import { TableStore } from '../services/storage/table-store';

/** `npm run seed-demo`: loads the demo directory into the configured storage (Azurite by default). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = createAppServices(new TableStore(storageTarget(config.storage)), systemClock, config);
  await prepareStorage(app);
  const report = await seedDemo(app);
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
