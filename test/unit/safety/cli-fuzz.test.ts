// A bounded fuzz run of the CLI over random and adversarial case files (issue 13, "Done when"): no crash, no run
// past its budget, and never exit 0 from check-identifiers or share on a file that could not be fully analysed.
// Seeded: the seed is printed, and CASEMARK_FUZZ_SEED repeats a run. Most runs call the CLI's main() in this process
// (fast); one runs the built CLI as a child process over every input at once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { main } from '../../../src/cli/main';
import { analyse, incompleteAnalysis } from '../../../src/core/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seed = Number(process.env.CASEMARK_FUZZ_SEED ?? Date.now() % 2 ** 31);
/** The whole run stops taking new inputs after this long; each command must finish within `perRun`. */
const budgetMs = 6_000;
const perRunMs = 3_000;

const fragments = [
  '---\ncasemark: 1\npeople:\n  - {name: Kerry Jones, role: mother}\n  - {name: Mia Jones, role: daughter, age: 7}\n---\n',
  '---\ncasemark: 1\n',
  '---\ncasemark: 1\nx: &a [1]\ny: *a\nz: *nope\n---\n',
  `---\ncasemark: 1\nx: ${'['.repeat(400)}\n---\n`,
  '## Dilemma\n\nkerry left. MIA JONES cried. Ｋｅｒｒｙ and Ke\u200Brry-Jones.\n',
  '## Hypotheses\n\n- H1: Mum may be tired.\n  - For: she said so. (source: Kerry, 2026-01-01)\n  - Test: ask.\n',
  '```genogram\nperson amy female child index\nperson bob male\namy -- bob constructor\nbob __proto__ toString\n```\n',
  '```ecomap\nfamily: amy\nsystem school "Oak"\namy -- school hasOwnProperty\n```\n',
  `${'>'.repeat(300)} deep\n`,
  `${'- '.repeat(300)}deep\n`,
  `${'> 1. '.repeat(150)}deep\n`,
  'Name \u202Eenoj with no end.\n',
  '<!-- casemark-disable constructor -->\n<!-- casemark-disable-next-line __proto__ -->\n',
  '<img src=x onerror=alert(1)> "quoted <b>" & 07700 900123 SW1A 1AA 943 476 5919\n',
  '\r', '\r\n', '\n', '\n\n', '  ', '\t', '`', '```', '~~~', '[x]: y\n', '# ', '* ', '1) ', '|a|b|\n|-|-|\n',
  'born 14 March 2017, DOB 01/02/2019, on 2026-02-30.\n',
];

describe('CLI fuzz (issue 13)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casemark-fuzz-'));
    console.log(`      CLI fuzz seed ${seed} (CASEMARK_FUZZ_SEED=${seed} repeats it)`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const input = fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 14 }).map((parts) => parts.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...fragments), fc.integer({ min: 50, max: 6000 }), fc.constantFrom('>', '- ', '[', '{a: ', '* ')).map(([head, n, marker]) => `${head}${marker.repeat(n)}x\n`) },
  );
  const endings = fc.constantFrom('\n', '\r\n', '\r');

  it('no crash, no hang, no exit 0 on a file not fully analysed', async () => {
    const started = Date.now();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(input, endings, fc.boolean(), async (text, ending, asBytes) => {
        if (Date.now() - started > budgetMs) return; // bounded in time: later inputs are skipped
        runs++;
        const name = `f${runs}.case.md`;
        const body = text.replace(/\n/g, ending);
        // Some inputs as raw bytes (invalid UTF-8 included), most as text.
        writeFileSync(path.join(dir, name), asBytes ? Buffer.from(body, 'latin1') : body);
        const incomplete = incompleteAnalysis(analyse(body, { path: name }).messages);
        for (const args of [['check-identifiers', name], ['share', name], ['lint', name, '--format', 'sarif']]) {
          const out: string[] = [];
          const err: string[] = [];
          const begun = Date.now();
          const code = await main(args, { cwd: dir, out: (t) => out.push(t), err: (t) => err.push(t), color: false });
          const took = Date.now() - begun;
          assert.ok(took < perRunMs, `${args[0]} took ${took} ms`);
          assert.ok(code === 0 || code === 1 || code === 2, `${args[0]} exit ${code}`);
          assert.doesNotMatch(err.join('\n'), /TypeError|ReferenceError|at .*\.ts:\d+/, `${args[0]}: ${err.join('\n')}`);
          if (incomplete && !asBytes && args[0] !== 'lint') {
            assert.equal(code, 2, `${args[0]} on a file not fully analysed exits 2, not ${code}:\n${err.join('\n')}`);
            if (args[0] === 'share') assert.deepEqual(out, [], 'share prints no copy');
          }
          if (args[0] === 'lint') JSON.parse(out.join('\n'));
        }
      }),
      { seed, numRuns: 400 },
    );
    assert.ok(runs >= 10, `at least 10 inputs in the budget (had ${runs})`);
    console.log(`      ${runs} inputs in ${Date.now() - started} ms`);
  });

  it('the built CLI over every input at once: check-identifiers exits 2, naming each file it could not fully analyse', () => {
    const deep = `---\ncasemark: 1\n---\n\n${'>'.repeat(5000)} Kerry\n`;
    writeFileSync(path.join(dir, 'zz-deep.case.md'), deep);
    const files = readdirSync(dir).filter((n) => n.endsWith('.case.md'));
    const run = spawnSync(process.execPath, [path.join(root, 'bin/casemark.js'), 'check-identifiers', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.signal, null, 'no hang');
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /zz-deep\.case\.md.*could not be fully analysed/s);
    assert.ok(files.length > 1);
  });
});
