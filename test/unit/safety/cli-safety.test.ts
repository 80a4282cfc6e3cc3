// Issue 13 through the CLI as a user runs it (a child process, inputs built here): nothing lost (items 1, 2), the
// sharing promise kept when the analysis is incomplete (3, 5), nothing read outside the folder (6, 7, 8), and the
// clear messages of item 12.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/casemark.js');

function casemark(args: string[], cwd: string, timeout = 30_000) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal, ms: Date.now() - started };
}

const original = `---
casemark: 1
people:
  - {name: Kerry Jones, role: mother}
  - {name: Mia Jones, role: daughter, age: 7}
---

## Dilemma

Kerry Jones says Mia is happy at school. Call 07700 900123.
`;

const deep = `---
casemark: 1
people:
  - {name: Kerry Jones, role: mother}
---

## Dilemma

Kerry Jones lives at 12 High Street, SW1A 1AA, NHS number 943 476 5919, phone 07700 900123.

${'>'.repeat(6000)} Kerry
`;

const exercise = `---
title: Test exercise
rubric:
  - id: hypotheses
    description: Write at least one hypothesis.
    check: {hypotheses: 1}
---

Vignette.
`;

const submission = '---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: Dad may want to meet.\n  - Test: Ask him.\n';

describe('issue 13 through the CLI', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casemark-i13-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer): string => {
    const at = path.join(dir, name);
    mkdirSync(path.dirname(at), { recursive: true });
    writeFileSync(at, text);
    return at;
  };

  describe('item 1: share and viewpoint never write over the case file, by any route', () => {
    const routes: Array<[string, () => string]> = [
      ['a symlink to it', () => (symlinkSync('orig.case.md', path.join(dir, 'link.case.md')), 'link.case.md')],
      ['a hard link to it', () => (linkSync(path.join(dir, 'orig.case.md'), path.join(dir, 'hard.case.md')), 'hard.case.md')],
      ['another spelling through a linked folder', () => (symlinkSync('.', path.join(dir, 'here')), 'here/orig.case.md')],
      ['another spelling with ./ and ..', () => (mkdirSync(path.join(dir, 'sub')), 'sub/../orig.case.md')],
    ];
    for (const command of ['share', 'viewpoint']) {
      for (const [route, make] of routes) {
        it(`${command} --out ${route} --force: refused, the original untouched`, () => {
          file('orig.case.md', original);
          const out = make();
          const run = casemark([command, 'orig.case.md', '--out', out, '--force'], dir);
          assert.equal(run.code, 2, run.stderr);
          assert.match(run.stderr, /not writing .*: it is (the case file itself|one of)|symbolic link/);
          assert.equal(readFileSync(path.join(dir, 'orig.case.md'), 'utf8'), original);
        });
      }
    }

    it('share --mapping onto the case file by a link is refused before the copy is written', () => {
      file('orig.case.md', original);
      symlinkSync('orig.case.md', path.join(dir, 'key.md'));
      const run = casemark(['share', 'orig.case.md', '--out', 'copy.case.md', '--mapping', 'key.md', '--force'], dir);
      assert.equal(run.code, 2);
      assert.equal(existsSync(path.join(dir, 'copy.case.md')), false, 'nothing written when one output is refused');
      assert.equal(readFileSync(path.join(dir, 'orig.case.md'), 'utf8'), original);
    });

    it('share --force replaces an ordinary file whole, and leaves no temporary file', () => {
      file('orig.case.md', original);
      file('copy.case.md', 'old copy');
      const run = casemark(['share', 'orig.case.md', '--out', 'copy.case.md', '--force'], dir);
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      assert.doesNotMatch(readFileSync(path.join(dir, 'copy.case.md'), 'utf8'), /Kerry|old copy/);
      assert.deepEqual(readdirSync(dir).filter((n) => n.includes('.tmp')), []);
    });
  });

  describe('item 2: grade checks its destination first and replaces only with --force', () => {
    beforeEach(() => {
      file('ex.exercise.md', exercise);
      file('cohort/amy.case.md', submission);
    });

    it('an existing report is not replaced without --force, and nothing is graded', () => {
      file('report/report.csv', 'keep me');
      const run = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /not writing report\/report\.(csv|html): it exists; add --force/);
      assert.doesNotMatch(run.stdout, /checked/);
      assert.equal(readFileSync(path.join(dir, 'report/report.csv'), 'utf8'), 'keep me');
    });

    it('a report.csv that is a symlink to a submission is never written through, even with --force', () => {
      mkdirSync(path.join(dir, 'report'));
      symlinkSync(path.join(dir, 'cohort/amy.case.md'), path.join(dir, 'report/report.csv'));
      const run = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report', '--force'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /symbolic link|one of the submissions/);
      assert.equal(readFileSync(path.join(dir, 'cohort/amy.case.md'), 'utf8'), submission);
    });

    it('two runs into one folder: the second needs --force, then replaces', () => {
      assert.equal(casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report'], dir).code, 0);
      const again = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report'], dir);
      assert.equal(again.code, 2);
      const forced = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report', '--force'], dir);
      assert.equal(forced.code, 0, forced.stderr);
    });

    it('--out naming a file that exists: one clear line at once, no raw EEXIST', () => {
      file('taken', 'a file');
      const run = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'taken'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /taken is not a folder/);
      assert.doesNotMatch(run.stderr, /EEXIST/);
      assert.doesNotMatch(run.stdout, /checked/);
    });
  });

  describe('item 3: a file not fully analysed is never reported clean', () => {
    it('check-identifiers exits 2 and says which file and why, at its line', () => {
      file('deep.case.md', deep);
      const run = casemark(['check-identifiers', 'deep.case.md'], dir);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stdout, /11:1\S*\s+error\s+This line nests 6000 levels/);
      assert.match(run.stderr, /could not be fully analysed/);
    });

    it('share exits 2 and prints or writes no copy', () => {
      file('deep.case.md', deep);
      const run = casemark(['share', 'deep.case.md'], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /no shareable copy was made/);
      const written = casemark(['share', 'deep.case.md', '--out', 'copy.case.md'], dir);
      assert.equal(written.code, 2);
      assert.equal(existsSync(path.join(dir, 'copy.case.md')), false);
    });

    it('deep YAML is reported at its line with what was too deep', () => {
      file('yaml.case.md', `---\ncasemark: 1\npeople: ${'['.repeat(3000)}\n---\n\n## Dilemma\n\nKerry.\n`);
      const run = casemark(['lint', 'yaml.case.md'], dir);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /3:\d+\S*\s+error\s+The frontmatter nests 3000 levels of brackets/);
      assert.doesNotMatch(run.stdout, /Maximum call stack/);
      const share = casemark(['share', 'yaml.case.md'], dir);
      assert.equal(share.code, 1, 'a copy whose people could not be read is flagged');
      assert.match(share.stderr, /frontmatter could not be read/);
    });
  });

  describe('item 5: one result for one input, whatever the thread', () => {
    it('a submission too deep to analyse is an error row with no check met, with one worker or two', () => {
      file('ex.exercise.md', exercise);
      file('cohort/amy.case.md', submission);
      file('cohort/deep.case.md', `---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: Dad may want to meet.\n\n${'- '.repeat(3000)}x\n`);
      const rows: string[] = [];
      for (const workers of ['1', '2']) {
        const run = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', `r${workers}`, '--workers', workers], dir);
        assert.equal(run.code, 0, run.stderr);
        const csv = readFileSync(path.join(dir, `r${workers}/report.csv`), 'utf8');
        const row = csv.split('\r\n').find((line) => line.startsWith('"deep.case.md"')) ?? '';
        assert.match(row, /"not yet","0","1","not fully analysed: 8:1: This line nests 3000 levels/);
        rows.push(row);
      }
      assert.equal(rows[0], rows[1]);
    });
  });

  describe('item 6: folder walks do not follow symbolic links', () => {
    it('lint and grade skip linked folders, linked files and loops, one note each', () => {
      file('other-family/secret.case.md', '---\ncasemark: 1\n---\n## Dilemma\n\nAnother family.\n');
      file('cohort/amy.case.md', submission);
      symlinkSync(path.join(dir, 'other-family'), path.join(dir, 'cohort/linked'));
      symlinkSync('/etc/passwd', path.join(dir, 'cohort/passwd.case.md'));
      symlinkSync('.', path.join(dir, 'cohort/loop'));
      const run = casemark(['lint', 'cohort'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, /secret|root:/);
      for (const link of ['linked', 'passwd.case.md', 'loop']) assert.equal(run.stderr.split(`symbolic link cohort/${link} `).length - 1, 1, `one note for ${link}: ${run.stderr}`);
      file('ex.exercise.md', exercise);
      const graded = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report'], dir);
      assert.equal(graded.code, 0, graded.stderr);
      assert.match(graded.stdout, /checked 1 submissions/);
      const csv = readFileSync(path.join(dir, 'report/report.csv'), 'utf8');
      assert.doesNotMatch(csv, /secret|passwd|loop/);
    });

    it('a linked file named on the command line is read as given', () => {
      file('real.case.md', submission);
      symlinkSync('real.case.md', path.join(dir, 'named.case.md'));
      const run = casemark(['lint', 'named.case.md'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /named\.case\.md/);
    });
  });

  describe('item 7: only regular files are read, and never past the limit', () => {
    it('a case file that is /dev/zero or /dev/urandom is refused at once', () => {
      for (const device of ['/dev/zero', '/dev/urandom']) {
        const name = `${path.basename(device)}.case.md`;
        symlinkSync(device, path.join(dir, name));
        const run = casemark(['lint', name], dir, 15_000);
        assert.equal(run.signal, null, `${device}: no hang`);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /not a regular file/);
      }
    });

    it('a FIFO named directly is refused without waiting for a writer', () => {
      const fifo = path.join(dir, 'pipe.case.md');
      const made = spawnSync('mkfifo', [fifo]);
      assert.equal(made.status, 0, 'mkfifo works here');
      const run = casemark(['lint', 'pipe.case.md'], dir, 15_000);
      assert.equal(run.signal, null, 'no hang');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /not a regular file/);
    });

    it('a file under /proc (size 0 by stat) is read by its contents, not its stat size', () => {
      symlinkSync('/proc/self/status', path.join(dir, 'status.case.md'));
      const run = casemark(['lint', 'status.case.md'], dir);
      assert.equal(run.code, 0, run.stderr);
    });
  });

  describe('item 8: an output folder that cannot be made is one line at once', () => {
    for (const command of ['genogram', 'grade']) {
      it(`${command} --out /proc/nope`, () => {
        file('a.case.md', '---\ncasemark: 1\n---\n```genogram\nperson amy female child index\n```\n');
        file('ex.exercise.md', exercise);
        file('cohort/amy.case.md', submission);
        const args = command === 'genogram' ? ['genogram', 'a.case.md', '--out', '/proc/nope/deeper'] : ['grade', 'ex.exercise.md', 'cohort', '--out', '/proc/nope/deeper'];
        const run = casemark(args, dir, 15_000);
        assert.equal(run.signal, null, 'no hang');
        assert.equal(run.code, 2);
        assert.match(run.stderr, /^casemark: cannot create the folder \/proc\/nope: .+\n$/);
      });
    }
  });

  describe('item 12: clear messages', () => {
    it('--shift-days out of range is a usage error', () => {
      file('orig.case.md', original);
      const run = casemark(['share', 'orig.case.md', '--dates', 'shift', '--shift-days', '99999999999'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--shift-days takes a whole number of days other than 0, at most 36500/);
      assert.doesNotMatch(run.stdout, /NaN/);
    });

    it('file names beginning with CR or LF are found by folder walks', () => {
      file('cohort/\nfirst.case.md', submission);
      file('cohort/\rsecond.case.md', '---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: Mum is clearly lying.\n');
      const run = casemark(['lint', 'cohort', '--format', 'json'], dir);
      const report = JSON.parse(run.stdout) as Array<{ filePath: string }>;
      assert.equal(report.length, 2, run.stdout);
    });

    it('invalid UTF-8 is refused with where the first bad byte is', () => {
      file('bad.case.md', Buffer.concat([Buffer.from('---\ncasemark: 1\n---\n\nKerry '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
      const run = casemark(['lint', 'bad.case.md'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /bad\.case\.md: is not valid UTF-8 text \(the first bad byte is at line 5, byte 28\)/);
    });

    it('grade prints exercise problems with line and column, and reads rubric items written as aliases', () => {
      file('cohort/amy.case.md', submission);
      file('ex.exercise.md', `---\ntitle: Aliases\nshared: &one\n  id: one\n  description: At least one hypothesis.\n  check: {hypotheses: 1}\nrubric:\n  - *one\n  - id: two\n    description: A check that is not there.\n    check: no-such-check\n---\n\nVignette.\n`);
      const run = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /ex\.exercise\.md:11:12: Unknown check “no-such-check”/);
      assert.doesNotMatch(run.stderr, /not a mapping|is a mapping/);
      const csv = readFileSync(path.join(dir, 'report/report.csv'), 'utf8');
      assert.match(csv, /"amy\.case\.md","met","not yet","1","1",""/);
    });

    it('a submission named with a tab or CR before = is neutralised in the CSV', () => {
      file('ex.exercise.md', exercise);
      file('cohort/\t=cmd.case.md', submission);
      const run = casemark(['grade', 'ex.exercise.md', 'cohort', '--out', 'report'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(readFileSync(path.join(dir, 'report/report.csv'), 'utf8'), /\r\n"'\t=cmd\.case\.md"/);
    });
  });
});

describe('the CLI help says what is and is not guaranteed', () => {
  it('--help', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /What is guaranteed/);
    assert.match(run.stdout, /fail closed: a file CaseMark could not fully analyse exits 2/);
    assert.match(run.stdout, /Not guaranteed: names nobody declared/);
    assert.match(run.stdout, /casemark grade EXERCISE SUBMISSIONS_DIR \[--out DIR\] \[--force\]/);
  });
});
