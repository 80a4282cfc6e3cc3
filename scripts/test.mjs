// `npm test`: type-check, lint, build, unit tests, the genogram preview's page in headless Chromium, grammar tests,
// and the suite in real VS Code extension hosts (Node, then web worker). Every step's output is shown; the last line
// sums the tests: "N passed, N failed".
import { spawn } from 'node:child_process';

const steps = [
  ['type-check', 'node', ['scripts/typecheck.mjs']],
  ['lint', 'npx', ['eslint', '.']],
  ['build', 'node', ['scripts/build.mjs']],
  ['unit', 'npx', ['mocha']],
  ['browser', 'node', ['test/browser/run.mjs']],
  ['grammar', 'node', ['scripts/test-grammar.mjs']],
  ['hosts', 'node', ['test/host/run.mjs']],
  // npm start's VS Code: its token, nothing asked outside this machine, the samples a copy.
  ['start', 'npx', ['mocha', '--no-config', '--timeout', '240000', 'test/serve/serve.test.mjs']],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  console.log(`\n> ${name}: ${command} ${args.join(' ')}`);
  let output = '';
  const code = await new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', resolve);
  });
  // mocha (unit, browser and both hosts) and the grammar step end with "N passing" / "N failing" lines.
  for (const m of output.matchAll(/^\s*(?:\w+: )?(\d+) passing\b/gm)) passed += Number(m[1]);
  for (const m of output.matchAll(/^\s*(?:\w+: )?(\d+) failing\b/gm)) failed += Number(m[1]);
  if (code !== 0) {
    console.log(`\n${name} failed (exit ${code})`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
