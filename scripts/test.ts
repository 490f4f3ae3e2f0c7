// `npm test`: every check the project has, in order, with a header and a time per section, and
// one plain summary line at the end: `N passed, N failed` (plus `, N skipped` when any were).
//
//   static checks   prettier --check, eslint, tsc          (one check each)
//   unit, fixture   vitest project "unit" (jsdom); fixture = test files under tests/fixtures or
//                   named *fixture*; the rest is unit
//   build           npm run build, then web-ext lint on dist/firefox (0 errors AND 0 warnings)
//   e2e             vitest project "e2e": e2e-chromium and e2e-firefox, real browsers
//
// Every section runs even when an earlier one failed (one run shows everything that is wrong),
// except e2e, which needs a successful build. Exit code is non-zero when anything failed.
//
// Options: --no-e2e   skip the browser tier (quick run while editing)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules/.bin');
const RESULTS = join(ROOT, 'out/test-results');
const args = new Set(process.argv.slice(2));
const runE2e = !args.has('--no-e2e');

type Tier = 'checks' | 'unit' | 'fixture' | 'e2e-chromium' | 'e2e-firefox' | 'e2e-other';
interface Count {
  passed: number;
  failed: number;
  skipped: number;
  ms: number;
}
const tiers = new Map<Tier, Count>();
const failures: string[] = [];

function tally(tier: Tier, status: 'passed' | 'failed' | 'skipped', ms = 0) {
  const count = tiers.get(tier) ?? { passed: 0, failed: 0, skipped: 0, ms: 0 };
  count[status]++;
  count.ms += ms;
  tiers.set(tier, count);
}

function tallyTime(tier: Tier, ms: number) {
  const count = tiers.get(tier) ?? { passed: 0, failed: 0, skipped: 0, ms: 0 };
  count.ms += ms;
  tiers.set(tier, count);
}

function header(title: string) {
  const line = '─'.repeat(Math.max(0, 74 - title.length));
  console.log(`\n\x1b[1m── ${title} ${line}\x1b[0m`);
}

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs a command with inherited output; resolves with its exit code and duration. */
function run(
  command: string,
  commandArgs: string[],
  options: { env?: NodeJS.ProcessEnv; capture?: boolean; captureAll?: boolean } = {},
): Promise<{ code: number; ms: number; stdout: string }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, commandArgs, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...options.env },
      stdio: options.captureAll
        ? ['ignore', 'pipe', 'pipe']
        : options.capture
          ? ['ignore', 'pipe', 'inherit']
          : 'inherit',
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', (error) => {
      console.error(`cannot start ${command}: ${error.message}`);
      done({ code: 127, ms: Date.now() - started, stdout });
    });
    child.on('close', (code) => done({ code: code ?? 1, ms: Date.now() - started, stdout }));
  });
}

/** A check counts as one test in the `checks` tier. */
async function check(title: string, command: string, commandArgs: string[]) {
  header(title);
  const { code, ms } = await run(command, commandArgs);
  return record(title, code, ms);
}

/** `tierMs`: what the check adds to the tier's time (0 for checks that ran side by side). */
function record(title: string, code: number, ms: number, tierMs = ms) {
  const ok = code === 0;
  console.log(`${ok ? '✓' : '✗'} ${title} (${seconds(ms)})`);
  tally('checks', ok ? 'passed' : 'failed', tierMs);
  if (!ok) failures.push(title);
  return ok;
}

interface VitestJson {
  testResults?: Array<{
    name: string;
    status?: string;
    message?: string;
    startTime?: number;
    endTime?: number;
    assertionResults: Array<{ status: string; fullName?: string; title: string }>;
  }>;
}

function tierOf(file: string, project: 'unit' | 'e2e'): Tier {
  const path = relative(ROOT, file);
  if (project === 'e2e') {
    if (/chromium/.test(path)) return 'e2e-chromium';
    if (/firefox/.test(path)) return 'e2e-firefox';
    return 'e2e-other';
  }
  return /(^|\/)fixtures?\/|fixture/i.test(path) ? 'fixture' : 'unit';
}

/** Runs one vitest project, then counts its results per tier from the JSON reporter. */
async function vitest(project: 'unit' | 'e2e', fallbackTier: Tier) {
  header(`vitest ${project}`);
  const outputFile = join(RESULTS, `${project}.json`);
  await rm(outputFile, { force: true });
  const { code, ms } = await run(join(BIN, 'vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]);
  let report: VitestJson | null = null;
  if (existsSync(outputFile)) {
    report = JSON.parse(await readFile(outputFile, 'utf8')) as VitestJson;
  }
  for (const file of report?.testResults ?? []) {
    const tier = tierOf(file.name, project);
    // Time per tier: the files' own durations (vitest start-up is in the section time above).
    if (file.startTime && file.endTime) tallyTime(tier, file.endTime - file.startTime);
    if (file.assertionResults.length === 0 && file.status === 'failed') {
      // The file did not even load (syntax error, failing import): one failure, named.
      tally(tier, 'failed');
      failures.push(
        `${relative(ROOT, file.name)}: ${file.message?.split('\n')[0] ?? 'failed to load'}`,
      );
      continue;
    }
    for (const test of file.assertionResults) {
      const status =
        test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped';
      tally(tier, status);
      if (status === 'failed')
        failures.push(`${relative(ROOT, file.name)} › ${test.fullName ?? test.title}`);
    }
  }
  const sawFailure = (report?.testResults ?? []).some(
    (f) => f.status === 'failed' || f.assertionResults.some((a) => a.status === 'failed'),
  );
  if (code !== 0 && !sawFailure) {
    // vitest failed without a failing test (crash, config error, no JSON): never report green.
    tally(fallbackTier, 'failed', ms);
    failures.push(
      `vitest ${project} exited with code ${code} without a test failure to show for it`,
    );
  }
  console.log(`vitest ${project}: exit ${code} (${seconds(ms)})`);
}

interface WebExtLint {
  summary: { errors: number; warnings: number; notices: number };
  errors: Array<{ code: string; message: string; file?: string }>;
  warnings: Array<{ code: string; message: string; file?: string }>;
}

async function webExtLint() {
  const title = 'web-ext lint dist/firefox (0 errors, 0 warnings)';
  header(title);
  const { ms, stdout } = await run(
    join(BIN, 'web-ext'),
    ['lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-input'],
    { capture: true, env: { FORCE_COLOR: '0' } },
  );
  let ok = false;
  try {
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as WebExtLint;
    const { errors, warnings, notices } = report.summary;
    for (const item of [...report.errors, ...report.warnings]) {
      console.log(`  ${item.code}: ${item.message}${item.file ? ` (${item.file})` : ''}`);
    }
    console.log(`errors ${errors}, warnings ${warnings}, notices ${notices}`);
    ok = errors === 0 && warnings === 0;
  } catch {
    console.log(stdout || 'web-ext lint printed nothing');
  }
  console.log(`${ok ? '✓' : '✗'} web-ext lint (${seconds(ms)})`);
  tally('checks', ok ? 'passed' : 'failed', ms);
  if (!ok) failures.push(title);
}

async function main() {
  const started = Date.now();
  await mkdir(RESULTS, { recursive: true });

  // The three static checks are independent: run them side by side, print them in order. Their
  // caches live in out/ (ignored by git), so a second local run only re-checks changed files.
  const staticChecks: Array<[string, string, string[]]> = [
    [
      'prettier --check',
      'prettier',
      ['--check', '--log-level', 'warn', '--cache', '--cache-location', 'out/.cache/prettier', '.'],
    ],
    [
      'eslint',
      'eslint',
      ['.', '--max-warnings', '0', '--cache', '--cache-location', 'out/.cache/eslint'],
    ],
    [
      'tsc --noEmit',
      'tsc',
      ['--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'out/.cache/tsc'],
    ],
  ];
  const parallelStart = Date.now();
  const results = await Promise.all(
    staticChecks.map(([, bin, binArgs]) => run(join(BIN, bin), binArgs, { captureAll: true })),
  );
  tallyTime('checks', Date.now() - parallelStart);
  staticChecks.forEach(([title], i) => {
    const result = results[i]!;
    header(title);
    if (result.stdout.trim()) process.stdout.write(result.stdout);
    record(title, result.code, result.ms, 0);
  });
  await vitest('unit', 'unit');
  const built = await check('build (npm run build)', 'npm', ['run', '--silent', 'build']);
  if (built) await webExtLint();
  if (!runE2e) {
    header('e2e');
    console.log('skipped (--no-e2e)');
  } else if (!built) {
    header('e2e');
    console.log('✗ not run: the build failed');
    tally('e2e-other', 'failed');
    failures.push('e2e: not run because the build failed');
  } else {
    await vitest('e2e', 'e2e-other');
  }

  header('summary');
  const order: Tier[] = ['checks', 'unit', 'fixture', 'e2e-chromium', 'e2e-firefox', 'e2e-other'];
  console.log(
    `${'tier'.padEnd(14)}${'passed'.padStart(8)}${'failed'.padStart(8)}${'skipped'.padStart(9)}${'time'.padStart(10)}`,
  );
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const tier of order) {
    const c = tiers.get(tier);
    if (!c) continue;
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    console.log(
      `${tier.padEnd(14)}${String(c.passed).padStart(8)}${String(c.failed).padStart(8)}${String(c.skipped).padStart(9)}${seconds(c.ms).padStart(10)}`,
    );
  }
  if (failures.length > 0) {
    console.log('\nfailed:');
    for (const f of failures) console.log(`  ✗ ${f}`);
  }
  console.log(`\nwall time ${seconds(Date.now() - started)}${runE2e ? '' : ' (without e2e)'}`);
  console.log(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
  );
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
