#!/usr/bin/env node
// The whole test suite, as the README's test command runs it:
//   1. unit tests
//   2. integration tests on the embedded database (PGlite)
//   3. the same integration tests on PostgreSQL when TEST_DATABASE_URL is set
//   4. browser tests with system Chromium (skipped with a clear message when none is found,
//      unless REQUIRE_BROWSER=1)
// Prints one closing line "N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const requireBrowser = process.env.REQUIRE_BROWSER === '1';
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`

const phases = [
  { name: 'unit', project: 'unit', env: {} },
  { name: 'integration (embedded PGlite)', project: 'integration', env: { TEST_DB: 'pglite' } },
];
if (process.env.TEST_DATABASE_URL) {
  phases.push({
    name: 'integration (PostgreSQL)',
    project: 'integration',
    env: { TEST_DB: 'postgres' },
  });
} else {
  console.log('TEST_DATABASE_URL is not set: integration tests run on the embedded database only.');
}
if (fs.existsSync(chromePath)) {
  phases.push({ name: 'browser (e2e)', project: 'e2e', env: { CHROME_PATH: chromePath } });
} else if (requireBrowser) {
  phases.push({ name: 'browser (e2e)', project: 'e2e', env: {}, missingBrowser: true });
} else {
  console.log(
    `Chromium not found at ${chromePath}: skipping the browser tests ` +
      '(install chromium or set CHROME_PATH; REQUIRE_BROWSER=1 makes this an error).',
  );
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
for (const phase of phases) {
  if (only.length > 0 && !only.includes(phase.project)) continue;
  if (phase.missingBrowser) {
    console.error(`REQUIRE_BROWSER=1 but Chromium was not found at ${chromePath}.`);
    totals.failed += 1;
    summary.push({ phase: phase.name, passed: 0, failed: 1, skipped: 0 });
    continue;
  }
  console.log(`\n=== ${phase.name} ===`);
  const slug = phase.name.replace(/\W+/g, '-').replace(/-$/, '');
  const jsonFile = path.join(resultsDir, `vitest-${slug}.json`);
  fs.rmSync(jsonFile, { force: true });
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      phase.project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${jsonFile}`,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...phase.env, TZ: 'UTC' } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(jsonFile)) {
    const report = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    counts = {
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
    // A file that failed to load has no tests to count; count it as a failure.
    const brokenFiles = (report.testResults ?? []).filter(
      (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
    ).length;
    counts.failed += brokenFiles;
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  summary.push({ phase: phase.name, ...counts });
}

console.log('\nTest summary:');
for (const row of summary) {
  console.log(`  ${row.phase}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
}
fs.writeFileSync(
  path.join(resultsDir, 'summary.json'),
  JSON.stringify({ totals, summary }, null, 2),
);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
