// `npm test`: every unit and integration test in one process (embedded PGlite + embedded MQTT broker,
// or TEST_DATABASE_URL / TEST_MQTT_URL), then the browser tests (Playwright in Debian's Chromium,
// with axe) against a freshly built web app. Exits non-zero if anything fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const only = process.argv[2]; // "unit" or "e2e" to run one part
let failed = false;

if (only !== 'e2e') {
  failed ||= run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'src/testing/all.test.ts']) !== 0;
}

if (only !== 'unit') {
  if (!existsSync(CHROMIUM)) {
    const message = `Browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`;
    if (process.env.CI) {
      console.error(message);
      failed = true;
    } else {
      console.warn(`${message} Skipping them here; CI runs them.`);
    }
  } else {
    failed ||= run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']) !== 0;
    if (!failed) {
      failed ||= run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', 'e2e/all.e2e.ts'], {
        CHROMIUM_PATH: CHROMIUM,
      }) !== 0;
    }
  }
}

process.exit(failed ? 1 : 0);
