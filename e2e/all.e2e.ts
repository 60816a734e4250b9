/** Runs every e2e/*.e2e.ts in one process so the embedded database and browser start once per file set. */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const only = process.env['TEST_ONLY'];
const dir = new URL('.', import.meta.url);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.ts') && f !== 'all.e2e.ts')
  .sort()) {
  if (only && !file.includes(only)) continue;
  await import(pathToFileURL(new URL(file, dir).pathname).href);
}
