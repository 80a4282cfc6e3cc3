// The CLI as a user runs it: a child process, its exit code, stdout and stderr.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import { rules } from '../../src/core/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/casemark.js');

function casemark(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const good = `---
casemark: 1
---
## Hypotheses

- H1: Amy may be staying home to keep her mum company.
  - For: Amy said she likes helping. (source: Amy, 2026-10-01)
  - Against: Gran says Amy is keen on Fridays. (source: grandmother, 2026-10-02)
  - Test: Ask Amy about a good day.
- H2: The mornings may fall apart when Dan sleeps after night shifts.
  - For: Absences follow his shifts. (source: school, 2026-10-03)
  - Against: Sara says Dan is out in the mornings. (source: Sara, 2026-10-04)
  - Test: Map a week of mornings.
- H3: I may have offered only morning visits, when Dan sleeps.
  - For: Every visit was in the morning. (source: case record, 2026-10-05)
  - Against: One visit was in the evening. (source: case record, 2026-10-06)
  - Test: Offer an evening visit.
`;

describe('casemark CLI', function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casemark-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says so on a clean file', () => {
    const run = casemark(['lint', 'samples/strong-analysis.case.md']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /strong-analysis\.case\.md: no issues found/);
  });

  it('reports the weak sample with positions and rule ids, exit 0 for warnings only', () => {
    const run = casemark(['lint', 'samples/weak-analysis.case.md']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /22:15-22:22\s+warning\s+“clearly” states this with certainty/);
    assert.match(run.stdout, /hypothesis-certainty/);
  });

  it('exits 1 when warnings exceed --max-warnings', () => {
    const run = casemark(['lint', 'samples/weak-analysis.case.md', '--max-warnings', '0']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /warnings, more than --max-warnings 0/);
    assert.equal(casemark(['lint', 'samples/weak-analysis.case.md', '--max-warnings', '1000']).code, 0);
  });

  it('exits 1 on an error-severity message', () => {
    writeFileSync(path.join(dir, 'broken.case.md'), '---\ncasemark: [1\n---\n# Case\n');
    const run = casemark(['lint', 'broken.case.md'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /2:\d+.*error.*frontmatter is not valid YAML.*frontmatter-invalid/);
  });

  it('lints every *.case.md under the current folder by default, skipping node_modules', () => {
    mkdirSync(path.join(dir, 'notes/deep'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'notes/deep/a.case.md'), good);
    writeFileSync(path.join(dir, 'node_modules/pkg/b.case.md'), '# no hypotheses\n');
    writeFileSync(path.join(dir, 'plain.md'), '# Not a case\n');
    const run = casemark(['lint', '--format', 'json'], dir);
    assert.equal(run.code, 0, run.stderr);
    const files = JSON.parse(run.stdout) as Array<{ path: string }>;
    assert.deepEqual(files.map((f) => f.path), ['notes/deep/a.case.md']);
  });

  it('writes JSON with severity, place and fix', () => {
    const run = casemark(['lint', 'samples/weak-analysis.case.md', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const [file] = JSON.parse(run.stdout) as Array<{ path: string; messages: Array<Record<string, unknown>> }>;
    assert.equal(file?.path, 'samples/weak-analysis.case.md');
    const certainty = file?.messages.find((m) => m.ruleId === 'hypothesis-certainty');
    assert.ok(certainty, 'a certainty message');
    assert.equal(certainty.severity, 'warning');
    assert.equal(certainty.line, 22);
    assert.deepEqual((certainty.fix as { text: string }).text, 'perhaps');
    assert.equal(certainty.source, 'casemark');
  });

  it('writes SARIF 2.1.0 that describes every rule and points results at relative files', () => {
    const run = casemark(['lint', 'samples/', '--format', 'sarif']);
    assert.equal(run.code, 1, 'the genogram-mistakes sample has errors');
    const log = JSON.parse(run.stdout) as Log;
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    assert.ok(sarifRun);
    const driverRules = sarifRun.tool.driver.rules ?? [];
    assert.deepEqual(driverRules.map((r) => r.id), rules.map((r) => r.id));
    assert.ok(sarifRun.results && sarifRun.results.length > 10);
    for (const result of sarifRun.results) {
      assert.equal(driverRules[result.ruleIndex ?? -1]?.id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level ?? ''));
      const location = result.locations?.[0]?.physicalLocation;
      assert.match(location?.artifactLocation?.uri ?? '', /^samples\/[\w-]+\.case\.md$/);
      assert.ok((location?.region?.startLine ?? 0) >= 1);
      assert.ok((location?.region?.startColumn ?? 0) >= 1);
      assert.ok(result.message.text && result.message.text.length > 10);
    }
    assert.equal(sarifRun.invocations?.[0]?.executionSuccessful, true);
  });

  it('reports missing, binary and over-size files with a reason, lints the rest, and exits 2', () => {
    writeFileSync(path.join(dir, 'ok.case.md'), good);
    writeFileSync(path.join(dir, 'image.case.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(path.join(dir, 'huge.case.md'), Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    const run = casemark(['lint', 'missing.case.md', 'image.case.md', 'huge.case.md', 'ok.case.md'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot lint missing\.case\.md: no such file/);
    assert.match(run.stderr, /cannot lint image\.case\.md: looks like a binary file/);
    assert.match(run.stderr, /cannot lint huge\.case\.md: is 5\.0 MB, over the 5 MB limit/);
    assert.match(run.stdout, /ok\.case\.md: no issues found/);
  });

  it('puts unreadable files in SARIF as tool notifications', () => {
    const run = casemark(['lint', 'missing.case.md', '--format', 'sarif'], dir);
    assert.equal(run.code, 2);
    const log = JSON.parse(run.stdout) as Log;
    const invocation = log.runs[0]?.invocations?.[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.match(invocation?.toolExecutionNotifications?.[0]?.message.text ?? '', /missing\.case\.md: no such file/);
  });

  it('finds .casemark.yaml upward from the file and applies it', () => {
    mkdirSync(path.join(dir, 'cases/2026'), { recursive: true });
    writeFileSync(path.join(dir, '.casemark.yaml'), 'rules:\n  hypotheses-too-few:\n    severity: error\n    minimum: 5\n');
    writeFileSync(path.join(dir, 'cases/2026/a.case.md'), good);
    const run = casemark(['lint', 'cases'], dir);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /error\s+3 hypotheses so far\. Holding at least 5/);
  });

  it('takes --config FILE over any config found upward', () => {
    writeFileSync(path.join(dir, '.casemark.yaml'), 'rules:\n  hypotheses-too-few: {minimum: 5}\n');
    writeFileSync(path.join(dir, 'team.json'), '{"rules": {"hypotheses-too-few": "off"}}');
    writeFileSync(path.join(dir, 'a.case.md'), good);
    assert.match(casemark(['lint', 'a.case.md'], dir).stdout, /hypotheses-too-few/);
    const run = casemark(['lint', 'a.case.md', '--config', 'team.json'], dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /no issues found/);
    const missing = casemark(['lint', 'a.case.md', '--config', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read config .*nope\.json: no such file/);
  });

  it('reports a bad config file at its own position and lints with the defaults', () => {
    writeFileSync(path.join(dir, '.casemark.json'), '{\n  "rules": {\n    "no-such-rule": "off",\n    "hypotheses-too-few": {"minimum": "three"}\n  }\n}\n');
    writeFileSync(path.join(dir, 'a.case.md'), good);
    const run = casemark(['lint', 'a.case.md'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\.casemark\.json\n3:5-3:\d+\s+error\s+Unknown rule “no-such-rule”/);
    assert.match(run.stdout, /4:\d+-4:\d+\s+error\s+hypotheses-too-few: minimum should be a number/);
    assert.match(run.stdout, /a\.case\.md: no issues found/);
  });

  it('treats a folder with no case files as a mistake (exit 2), like a glob that matches nothing', () => {
    mkdirSync(path.join(dir, 'empty'));
    const run = casemark(['lint', 'empty'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot lint empty: matched no \*\.case\.md files/);
  });

  it('refuses bad usage with exit 2 and a one-line reason', () => {
    for (const args of [[], ['lint', '--format', 'xml'], ['lint', '--max-warnings', '-1'], ['lint', '--nope'], ['frobnicate']]) {
      const run = casemark(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr.split('\n')[0] ?? '', args.length === 0 ? /^Usage:/ : /^casemark: /);
    }
  });

  it('genogram writes one standalone SVG per block, escaped, and exits 1 when a block has errors', () => {
    const text = `---\ncasemark: 1\n---\n\n\`\`\`genogram\nperson amy female 8 index\nperson evil "<img src=x onerror=alert(1)>" male 30 note: Polish\namy child of evil\n\`\`\`\n\n\`\`\`ecomap\nfamily: amy\nfamily -> school strong\n\`\`\`\n\n\`\`\`genogram\nperson leo male 3\n\`\`\`\n`;
    writeFileSync(path.join(dir, 'family-a.case.md'), text);
    const run = casemark(['genogram', 'family-a.case.md', '--out', 'drawings'], dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(readdirSync(path.join(dir, 'drawings')).sort(), ['family-a.ecomap.svg', 'family-a.genogram-2.svg', 'family-a.genogram.svg']);
    const svg = readFileSync(path.join(dir, 'drawings/family-a.genogram.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(svg, /<img/);
    assert.match(run.stdout, /wrote drawings\/family-a\.genogram\.svg/);

    const broken = casemark(['genogram', 'samples/genogram-mistakes.case.md', '--out', dir]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /genogram-syntax/);
    assert.ok(existsSync(path.join(dir, 'genogram-mistakes.genogram.svg')), 'drawn all the same');

    const again = casemark(['genogram', 'family-a.case.md', '--out', 'drawings'], dir);
    assert.equal(again.code, 2, 'an existing drawing is not replaced without --force');
    assert.match(again.stderr, /not writing drawings\/family-a\.genogram\.svg: it exists; add --force to replace it/);
    assert.equal(casemark(['genogram', 'family-a.case.md', '--out', 'drawings', '--force'], dir).code, 0);
    assert.doesNotMatch(svg, /Polish/);
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'b/family-a.case.md'), text);
    const clash = casemark(['genogram', 'family-a.case.md', 'b/family-a.case.md', '--out', 'same', '--force'], dir);
    assert.match(clash.stderr, /another case file of the same name was drawn there/);

    writeFileSync(path.join(dir, 'plain.case.md'), '---\ncasemark: 1\n---\n\nNo drawings here.\n');
    assert.match(casemark(['genogram', 'plain.case.md'], dir).stderr, /has no ```genogram or ```ecomap block/);
    assert.equal(casemark(['genogram', 'missing.case.md'], dir).code, 2);
    assert.equal(casemark(['genogram'], dir).code, 2);
  });

  it('viewpoint prints the alternative viewpoint, with the team’s wording, or writes it to --out', () => {
    writeFileSync(path.join(dir, '.casemark.yaml'), 'viewpoint:\n  phrases:\n    position.self.present: "Our card: {labels} {verb} about us."\n');
    writeFileSync(path.join(dir, 'a.case.md'), good);
    const run = casemark(['viewpoint', 'a.case.md'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# Alternative viewpoint\n/);
    assert.match(run.stdout, /## Competing hypotheses[\s\S]*\| Evidence \| Source \| H1 \| H2 \| H3 \|/);
    assert.match(run.stdout, /Our card: H3 is about us\./);
    const out = casemark(['viewpoint', 'a.case.md', '--out', 'prep.md'], dir);
    assert.equal(out.code, 0);
    assert.equal(readFileSync(path.join(dir, 'prep.md'), 'utf8').trimEnd(), run.stdout.trimEnd());
    const self = casemark(['viewpoint', 'a.case.md', '--out', 'a.case.md'], dir);
    assert.equal(self.code, 2);
    assert.match(self.stderr, /it is the case file itself/);
    assert.equal(readFileSync(path.join(dir, 'a.case.md'), 'utf8'), good, 'the case file is untouched');
    assert.equal(casemark(['viewpoint', 'a.case.md', '--out', 'prep.md'], dir).code, 2, 'no silent replacing');
    assert.equal(casemark(['viewpoint'], dir).code, 2);
    assert.equal(casemark(['viewpoint', 'nope.case.md'], dir).code, 2);
  });

  it('share writes a pseudonymised copy, never over the case file; the mapping only when asked, with a warning', function () {
    this.timeout(30_000);
    const original = readFileSync(path.join(root, 'samples/strong-analysis.case.md'), 'utf8');
    writeFileSync(path.join(dir, 'a.case.md'), original);
    const printed = casemark(['share', 'a.case.md'], dir);
    assert.equal(printed.code, 1, 'the school it leaves is listed, so the exit says so');
    assert.match(printed.stdout, /^---\nshareable: true\n/);
    assert.doesNotMatch(printed.stdout, /\b(Amy|Sara|Dan|Leo)\b/);
    assert.match(printed.stderr, /“Oakfield Primary” looks like the name of a school[\s\S]*identifying-detail/);
    assert.match(printed.stderr, /1 detail may still identify the family/);
    assert.deepEqual(readdirSync(dir), ['a.case.md'], 'no mapping written unasked');

    const written = casemark(['share', 'a.case.md', '--out', 'shared.case.md', '--mapping', 'key.md', '--dates', 'shift', '--shift-days', '7'], dir);
    assert.equal(written.code, 1, written.stderr);
    const dateless = (text: string) => text.replace(/\d{4}-\d{2}(-\d{2})?/g, 'DATE');
    assert.equal(dateless(readFileSync(path.join(dir, 'shared.case.md'), 'utf8')), dateless(printed.stdout), 'the same copy, but for its dates');
    assert.match(readFileSync(path.join(dir, 'key.md'), 'utf8'), /\| Amy \| Child A \| the index child \|[\s\S]*moved by 7 days later/);
    assert.match(written.stderr, /It re-identifies the family/);
    assert.equal(readFileSync(path.join(dir, 'a.case.md'), 'utf8'), original, 'the original is unchanged byte for byte');

    for (const args of [['--out', 'a.case.md'], ['--out', 'shared.case.md'], ['--out', 'x.md', '--mapping', 'x.md'], ['--dates', 'soon'], ['--shift-days', '0', '--dates', 'shift']]) {
      const refused = casemark(['share', 'a.case.md', ...args], dir);
      assert.equal(refused.code, 2, args.join(' '));
    }
    assert.equal(readFileSync(path.join(dir, 'a.case.md'), 'utf8'), original);
  });

  it('share makes no copy of a file it cannot finish within --time-budget, says so, and exits 2', function () {
    this.timeout(30_000);
    const original = readFileSync(path.join(root, 'samples/strong-analysis.case.md'), 'utf8');
    writeFileSync(path.join(dir, 'a.case.md'), original + '\nAmy said Sara and Dan were kind; Leo was there on 3 October 2026.\n'.repeat(4_000));
    const stopped = casemark(['share', 'a.case.md', '--time-budget', '0.1', '--out', 'shared.case.md'], dir);
    assert.equal(stopped.code, 2, stopped.stderr);
    assert.equal(stopped.stdout, '');
    assert.match(stopped.stderr, /a\.case\.md:1:1: CaseMark stopped after [\d.]+ s: checking it would take longer than the time budget of 0\.1 s/);
    assert.match(stopped.stderr, /no shareable copy was made/);
    assert.ok(!existsSync(path.join(dir, 'shared.case.md')), 'nothing written');
    assert.equal(casemark(['share', 'a.case.md', '--time-budget', 'soon'], dir).code, 2);
  });

  it('check-identifiers reports identifying details whatever the settings, exit 1 when it finds any', function () {
    this.timeout(30_000);
    writeFileSync(path.join(dir, '.casemark.yaml'), 'rules:\n  identifying-detail: off\n');
    writeFileSync(path.join(dir, 'a.case.md'), `${good}\nThey live at 14 Cedar Road, E8 3PQ.\n`);
    writeFileSync(path.join(dir, 'b.case.md'), '---\ncasemark: 1\n---\n\n## Dilemma\n\nThe mornings are hard for everyone at home.\n');
    const run = casemark(['check-identifiers', '.'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /a\.case\.md\n[\s\S]*“Amy” looks like a name that is not in the genogram[\s\S]*“14 Cedar Road” looks like a street address[\s\S]*“E8 3PQ” looks like a postcode/);
    assert.doesNotMatch(run.stdout, /hypothesis-|labels-/, 'only identifying details');
    assert.equal(casemark(['lint', '.'], dir).stdout.includes('identifying-detail'), false, 'lint follows the settings');
    const clean = casemark(['check-identifiers', 'b.case.md'], dir);
    assert.equal(clean.code, 0, clean.stdout);
  });

  it('lists every rule with its default severity', () => {
    const run = casemark(['rules']);
    assert.equal(run.code, 0);
    for (const rule of rules) assert.match(run.stdout, new RegExp(`^${rule.id}\\s+${rule.defaultSeverity}\\s+\\S`, 'm'));
  });
});
