// `npm run test:e2e`: only the browser tier (vitest project "e2e"), after a fresh build.
// Extra arguments go to vitest, e.g. `npm run test:e2e -- tests/e2e/firefox.test.ts`.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const vitest = spawnSync(
  join(ROOT, 'node_modules/.bin/vitest'),
  ['run', '--project', 'e2e', ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exit(vitest.status ?? 1);
