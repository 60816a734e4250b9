/**
 * Child process for the kill -9 test: opens the platform's database exactly as the server does and
 * writes one record after another, printing each id only after its transaction committed.
 */
import { MIGRATIONS } from '../app.js';
import { openMigratedDatabase } from '../platform/bootstrap.js';
import { loadConfig } from '../platform/config.js';
import { systemClock } from '../platform/contracts.js';
import { createAuditModule } from '../modules/audit/index.js';
import { createContentModule } from '../modules/content/index.js';

const config = loadConfig();
const opened = await openMigratedDatabase(config, MIGRATIONS);
const db = opened.database.db;
const content = createContentModule({
  db,
  audit: createAuditModule({ db, clock: systemClock }).recorder,
  clock: systemClock,
  mailer: { send: async () => undefined },
  settings: { defaultsDir: '', languages: ['de'], feedbackEmail: undefined },
});
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const { id } = await content.service.submitFeedback({ message: `durability ${i}` });
  process.stdout.write(`ack ${id}\n`);
}
