/**
 * Runs every *.test.ts under src/ in this one process, so the (slow to start) embedded database is
 * created once and shared. `npm test` runs this file through node's test runner.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const only = process.env['TEST_ONLY']; // e.g. TEST_ONLY=identity runs the files whose path contains it

function find(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return find(full);
    return e.name.endsWith('.test.ts') && e.name !== 'all.test.ts' ? [full] : [];
  });
}

for (const file of find(srcDir).sort()) {
  if (only && !file.includes(only)) continue;
  await import(pathToFileURL(file).href);
}
