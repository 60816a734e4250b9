/**
 * `npm run bench`: every benchmark prints its figures and a ratio to a baseline measured in the same
 * run on the same machine. BENCH_ONLY=<name> runs one; BENCH_SECONDS sets the load duration.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const only = process.env['BENCH_ONLY'];
const dir = new URL('.', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
for (const file of files.sort()) {
  process.stdout.write(`\n## ${file.replace('.bench.ts', '')}\n`);
  const mod = (await import(pathToFileURL(new URL(file, dir).pathname).href)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (name.startsWith('bench') && typeof fn === 'function') await (fn as () => Promise<void>)();
  }
}
