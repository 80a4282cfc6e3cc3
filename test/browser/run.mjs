// The webview pages (genogram preview, alternative viewpoint) in a real headless Chromium: Debian's, driven by the
// playwright-core of the host test harness (test/harness/ensure.mjs installs both on first use; no browser is
// downloaded). Serves the built pages (dist/webview/, from `npm run build`) on 127.0.0.1 and runs
// test/browser/*.test.ts with mocha.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHarness } from '../harness/ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
for (const file of ['dist/webview/preview.js', 'dist/webview/viewpoint.js']) {
  if (!existsSync(path.join(root, file))) {
    console.error(`test/browser: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}
const harness = await ensureHarness();
const run = spawnSync('npx', ['mocha', '--config', path.join(root, 'test/browser/.mocharc.json')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CASEMARK_PLAYWRIGHT_CORE: harness.playwrightCore, CASEMARK_CHROMIUM: harness.chromium },
});
process.exit(run.status ?? 1);
