// The case model: sections, hypotheses, evidence, frontmatter and people, with their places in the source.
import assert from 'node:assert/strict';
import { analyse, type CaseModel, type Position } from '../../src/core/index';
import { applyFix, caseFile, hypotheses, ids, lint, lintRule, pointAt, single, span } from './helpers';

function model(text: string, options: Parameters<typeof analyse>[1] = {}): CaseModel {
  return analyse(text, { path: 'test.case.md', ...options }).model;
}

/** The position from the start of `from` to the end of the first `to` after it. */
function between(text: string, from: string, to: string): Position {
  const start = text.indexOf(from);
  assert.notEqual(start, -1, from);
  const end = text.indexOf(to, start);
  assert.notEqual(end, -1, to);
  return { start: pointAt(text, start), end: pointAt(text, end + to.length) };
}

describe('parse: sections', () => {
  it('finds CaseMark sections case-insensitively, by synonym, numbered or with a colon', () => {
    const text = caseFile(
      '# Case analysis\n\n## THE DILEMMA\n\nx\n\n## 2. Working hypotheses:\n\n- H1: a\n\n## Family tree\n\n## Eco-map\n\n## Alternative view\n\n## Reflective notes\n\n## Next Steps / Plan\n',
    );
    const sections = model(text).sections;
    assert.deepEqual(
      sections.map((s) => [s.title, s.kind, s.depth]),
      [
        ['Case analysis', undefined, 1],
        ['THE DILEMMA', 'dilemma', 2],
        ['2. Working hypotheses:', 'hypotheses', 2],
        ['Family tree', 'genogram', 2],
        ['Eco-map', 'ecomap', 2],
        ['Alternative view', 'viewpoint', 2],
        ['Reflective notes', 'reflections', 2],
        ['Next Steps / Plan', 'plan', 2],
      ],
    );
  });

  it('ignores other headings, and headings that only contain a section name', () => {
    const text = caseFile('## Background\n\n## Hypotheses and more\n\n## Planning\n\n### Notes on the plan\n');
    assert.deepEqual(
      model(text).sections.map((s) => s.kind),
      [undefined, undefined, undefined, undefined],
    );
    assert.equal(model(text).hypotheses.length, 0);
  });

  it('adds section names from project config and from frontmatter, keeping the defaults', () => {
    const body = '## Ideas\n\n- H1: a\n\n## Hypotheses\n\n- H2: b\n\n## What next\n';
    const fromConfig = model(caseFile(body), { config: { sections: { hypotheses: ['ideas'], plan: ['what next'] } } });
    assert.deepEqual(fromConfig.sections.map((s) => s.kind), ['hypotheses', 'hypotheses', 'plan']);
    assert.deepEqual(fromConfig.hypotheses.map((h) => h.label), ['H1', 'H2']);
    const fromFrontmatter = model(caseFile(body, 'casemark:\n  sections:\n    hypotheses: [Ideas]'));
    assert.deepEqual(fromFrontmatter.sections.map((s) => s.kind), ['hypotheses', 'hypotheses', undefined]);
    assert.deepEqual(model(caseFile(body)).sections.map((s) => s.kind), [undefined, 'hypotheses', undefined]);
  });

  it('places each heading, and each section from its heading to its last text before a heading of the same level', () => {
    const text = caseFile('# Title\n\nintro\n\n## Dilemma\n\nstuck\n\n### Detail\n\nmore detail\n\n## Hypotheses\n\n- H1: a\n\n\n');
    const [title, dilemma, detail, hyp] = model(text).sections;
    assert.deepEqual(title?.heading, span(text, '# Title'));
    assert.deepEqual(dilemma?.heading, span(text, '## Dilemma'));
    assert.deepEqual(detail?.heading, span(text, '### Detail'));
    assert.deepEqual(hyp?.heading, span(text, '## Hypotheses'));
    assert.deepEqual(title?.position, between(text, '# Title', '- H1: a'));
    assert.deepEqual(dilemma?.position, between(text, '## Dilemma', 'more detail'));
    assert.deepEqual(detail?.position, between(text, '### Detail', 'more detail'));
    assert.deepEqual(hyp?.position, between(text, '## Hypotheses', '- H1: a'));
  });

  it('reads hypotheses from every list in the section, up to the next CaseMark section only', () => {
    const text = caseFile('## Hypotheses\n\n- H1: a\n\nProse.\n\n- H2: b\n\n### Sub-heading\n\n- H3: c\n\n## Reflections\n\n- not a hypothesis\n');
    assert.deepEqual(model(text).hypotheses.map((h) => h.statement.text), ['a', 'b', 'c']);
  });

  it('does not read lists nested in other blocks or before the section', () => {
    const text = caseFile('- before\n\n## Hypotheses\n\n> - quoted\n\n- H1: a\n');
    assert.deepEqual(model(text).hypotheses.map((h) => h.statement.text), ['a']);
  });
});

describe('parse: hypotheses', () => {
  it('reads labels as written and numbers unlabelled hypotheses with the numbers the labels leave free', () => {
    const text = caseFile(hypotheses('- Mum is tired.', '- h 2. Dad is shut out.', '- The school is worried.', '- H4a) Amy is caring.', '- H12 – Money.', '- H:5 not a label'));
    const hs = model(text).hypotheses;
    assert.deepEqual(
      hs.map((h) => [h.label, h.labelled, h.statement.text]),
      [
        ['H1', false, 'Mum is tired.'],
        ['H2', true, 'Dad is shut out.'],
        ['H3', false, 'The school is worried.'],
        ['H4A', true, 'Amy is caring.'],
        ['H12', true, 'Money.'],
        ['H4', false, 'H:5 not a label'],
      ],
    );
  });

  it('reads the statement as plain text, without inline markup', () => {
    const text = caseFile(hypotheses('- H1: **Dad** may feel _left out_ of [meetings](https://example.org) `now`.'));
    assert.equal(model(text).hypotheses[0]?.statement.text, 'Dad may feel left out of meetings now.');
  });

  it('reads ordered lists and other bullet markers', () => {
    const text = caseFile('## Hypotheses\n\n1. H1: a\n2. H2: b\n\n* H3: c\n+ H4: d\n');
    assert.deepEqual(model(text).hypotheses.map((h) => h.label), ['H1', 'H2', 'H3', 'H4']);
  });

  it('reads repeated For and Against items, Test, Status and About', () => {
    const text = caseFile(
      hypotheses(
        '- H1: Amy may be caring for Mum.',
        '  - For: Amy said she helps. (source: Amy, 2026-10-14)',
        '  - for : Gran says so. (source: Gran)',
        '  - Against: She likes Fridays. (source: school, 14/10/2026)',
        '  - Against: none found yet, asked the GP',
        '  - Test: ask Amy with her teacher',
        '  - To test: ask Gran',
        '  - Status: Set-aside',
        '  - About: Amy, Sara and Gran / Leo; Dad & Mum',
        '  - A loose note',
      ),
    );
    const [h] = model(text).hypotheses;
    assert.ok(h);
    assert.deepEqual(
      h.evidenceFor.map((e) => [e.kind, e.text, e.source, e.date, e.noneFound]),
      [
        ['for', 'Amy said she helps.', 'Amy', '2026-10-14', false],
        ['for', 'Gran says so.', 'Gran', undefined, false],
      ],
    );
    assert.deepEqual(
      h.evidenceAgainst.map((e) => [e.kind, e.text, e.source, e.date, e.noneFound]),
      [
        ['against', 'She likes Fridays.', 'school', '14/10/2026', false],
        ['against', 'none found yet, asked the GP', undefined, undefined, true],
      ],
    );
    assert.deepEqual(h.tests.map((t) => t.text), ['ask Amy with her teacher', 'ask Gran']);
    assert.equal(h.status?.value, 'set aside');
    assert.equal(h.status?.text, 'Set-aside');
    assert.deepEqual(h.about.map((a) => a.text), ['Amy', 'Sara', 'Gran', 'Leo', 'Dad', 'Mum']);
  });

  it('reads evidence listed under a bare keyword, one item each', () => {
    const text = caseFile(hypotheses('- H1: a', '  - For:', '    - first (source: school)', '    - second', '  - Test:', '    - ask Mum', '    - ask Dad'));
    const [h] = model(text).hypotheses;
    assert.deepEqual(h?.evidenceFor.map((e) => [e.text, e.source]), [['first', 'school'], ['second', undefined]]);
    assert.deepEqual(h?.tests.map((t) => t.text), ['ask Mum', 'ask Dad']);
    assert.deepEqual(h?.evidenceFor[1]?.position, span(text, '- second'));
  });

  it('parses (source: …) only at the end, with or without a date', () => {
    const cases: Array<[string, string, string | undefined, string | undefined]> = [
      ['x (source: school)', 'x', 'school', undefined],
      ['x (Source : health visitor, 3 March 2026).', 'x', 'health visitor', '3 March 2026'],
      ['x (source: GP, March 2026);', 'x', 'GP', 'March 2026'],
      ['x (source: Dr Smith, GP)', 'x', 'Dr Smith, GP', undefined],
      ['x (source: Mum, Dad, 2026-01)', 'x', 'Mum, Dad', '2026-01'],
      ['x (source: 2026-01-02)', 'x', '2026-01-02', undefined],
      ['x (source: )', 'x', undefined, undefined],
      ['(source: school) said before', '(source: school) said before', undefined, undefined],
      ['x (note: y)', 'x (note: y)', undefined, undefined],
    ];
    const text = caseFile(hypotheses('- H1: a', ...cases.map(([item]) => `  - For: ${item}`)));
    const found = model(text).hypotheses[0]?.evidenceFor.map((e) => [e.text, e.source, e.date]);
    assert.deepEqual(
      found,
      cases.map(([, t, s, d]) => [t, s, d]),
    );
  });

  it('tells notes that nothing was found from evidence that starts alike', () => {
    const notes = ['none found', 'Nothing so far', 'No evidence yet', 'not yet, asked school', 'None'];
    const evidence = ['Nonetheless he came', 'Notably calm', 'Nobody was home'];
    const text = caseFile(hypotheses('- H1: a', ...[...notes, ...evidence].map((n) => `  - Against: ${n}`)));
    assert.deepEqual(
      model(text).hypotheses[0]?.evidenceAgainst.map((e) => e.noneFound),
      [...notes.map(() => true), ...evidence.map(() => false)],
    );
  });

  it('reads status values and keeps unknown ones as text', () => {
    const text = caseFile(hypotheses('- H1: a', '  - Status: open', '- H2: b', '  - Status: Supported.', '- H3: c', '  - Status: weakened', '- H4: d', '  - Status: confirmed', '- H5: e'));
    assert.deepEqual(
      model(text).hypotheses.map((h) => h.status && [h.status.text, h.status.value]),
      [['open', 'open'], ['Supported.', 'supported'], ['weakened', 'weakened'], ['confirmed', undefined], undefined],
    );
  });

  it('adds keyword synonyms from project config and from frontmatter, keeping the defaults', () => {
    const body = hypotheses('- H1: a', '  - Pro: x', '  - Contra: y', '  - Check: z', '  - For: w');
    const plain = model(caseFile(body)).hypotheses[0];
    assert.deepEqual([plain?.evidenceFor.length, plain?.evidenceAgainst.length, plain?.tests.length], [1, 0, 0]);
    const configured = model(caseFile(body), { config: { keywords: { for: ['pro'], against: ['contra'], test: ['check'] } } }).hypotheses[0];
    assert.deepEqual([configured?.evidenceFor.map((e) => e.text), configured?.evidenceAgainst.map((e) => e.text), configured?.tests.map((t) => t.text)], [['x', 'w'], ['y'], ['z']]);
    const fromFrontmatter = model(caseFile(body, 'casemark:\n  keywords:\n    against: [Contra]')).hypotheses[0];
    assert.deepEqual(fromFrontmatter?.evidenceAgainst.map((e) => e.text), ['y']);
  });

  it('does not take a word that only starts with a keyword for the keyword', () => {
    const text = caseFile(hypotheses('- H1: a', '  - Formerly: x', '  - Testimony: y', '  - Forward planning: z'));
    const [h] = model(text).hypotheses;
    assert.deepEqual([h?.evidenceFor.length, h?.tests.length], [0, 0]);
  });

  it('places hypotheses, statements, evidence and other items exactly', () => {
    const text = caseFile(
      `## Dilemma\n\nx\n\n${hypotheses(
        '- H1: Amy may be caring for Mum.',
        '  - For: Amy said she helps. (source: Amy)',
        '  - Against: She likes Fridays.',
        '  - Test: ask Amy',
        '  - Status: open',
        '  - About: Amy',
        '- H2: Dad may feel',
        '  left out.',
      )}`,
    );
    const [h1, h2] = model(text).hypotheses;
    assert.ok(h1 && h2);
    assert.deepEqual(h1.position, between(text, '- H1:', 'About: Amy'));
    assert.deepEqual(h1.statement.position, span(text, 'H1: Amy may be caring for Mum.'));
    assert.deepEqual(h1.evidenceFor[0]?.position, span(text, '- For: Amy said she helps. (source: Amy)'));
    assert.deepEqual(h1.evidenceAgainst[0]?.position, span(text, '- Against: She likes Fridays.'));
    assert.deepEqual(h1.tests[0]?.position, span(text, '- Test: ask Amy'));
    assert.deepEqual(h1.status?.position, span(text, '- Status: open'));
    assert.deepEqual(h1.about[0]?.position, span(text, '- About: Amy'));
    assert.deepEqual(h2.position, between(text, '- H2:', 'left out.'));
    assert.deepEqual(h2.statement.position, between(text, 'H2:', 'left out.'));
    assert.equal(h2.statement.text, 'Dad may feel\nleft out.');
    assert.equal(h1.insertAt, text.indexOf('- About: Amy') + '- About: Amy'.length);
    assert.equal(h1.childIndent, '  ');
  });
});

describe('parse: frontmatter and people', () => {
  const text = `---
casemark: 1
case: Family A (fictional)
author: Sample worker
date: 2026-11-02
exercise: 3
people:
  - {name: Amy, role: child, age: 8}
  - {name: Leo, age: 3}
  - {name: Jo, role: daughter}
  - {name: Kim, role: son, age: 19}
  - {name: Sara, role: mother, age: 31}
  - {name: Dan, role: father}
  - Gran
  - name: Baby T
    role: unborn
---

# Case
`;

  it('reads the CaseMark fields', () => {
    const { frontmatter } = model(text);
    assert.equal(frontmatter.present, true);
    assert.equal(frontmatter.version, 1);
    assert.equal(frontmatter.case, 'Family A (fictional)');
    assert.equal(frontmatter.author, 'Sample worker');
    assert.equal(frontmatter.date, '2026-11-02');
    assert.equal(frontmatter.exercise, '3');
    const end = text.indexOf('\n---\n') + 4;
    assert.deepEqual(frontmatter.position, { start: pointAt(text, 0), end: pointAt(text, end) });
    assert.equal((frontmatter.data.people as unknown[]).length, 8);
  });

  it('reads people, and tells children by age under 18, else by role', () => {
    const { people } = model(text);
    assert.deepEqual(
      people.map((p) => [p.name, p.role, p.age, p.isChild, p.origin]),
      [
        ['Amy', 'child', 8, true, 'frontmatter'],
        ['Leo', undefined, 3, true, 'frontmatter'],
        ['Jo', 'daughter', undefined, true, 'frontmatter'],
        ['Kim', 'son', 19, false, 'frontmatter'],
        ['Sara', 'mother', 31, false, 'frontmatter'],
        ['Dan', 'father', undefined, false, 'frontmatter'],
        ['Gran', undefined, undefined, false, 'frontmatter'],
        ['Baby T', 'unborn', undefined, true, 'frontmatter'],
      ],
    );
    assert.deepEqual(people[0]?.position, span(text, '{name: Amy, role: child, age: 8}'));
    assert.deepEqual(people[6]?.position, span(text, 'Gran'));
  });

  it('has no frontmatter when the file does not start with one', () => {
    const m = model('\n---\ncasemark: 1\n---\n# x\n');
    assert.equal(m.frontmatter.present, false);
    assert.deepEqual(m.people, []);
  });

  it('a casemark settings block gives the version and the settings', () => {
    const withSettings = caseFile(hypotheses('- H1: a'), 'casemark:\n  version: 2\n  rules:\n    hypotheses-too-few: off');
    assert.equal(model(withSettings).frontmatter.version, 2);
    assert.ok(!ids(lint(withSettings)).includes('hypotheses-too-few'));
    assert.equal(analyse(withSettings, { path: 'x.case.md' }).config.rules['hypotheses-too-few']?.severity, 'off');
  });
});

describe('parse: which files are case analyses', () => {
  const bad = '# Notes\n\n## Hypotheses\n\n- H1: He is clearly non-compliant.\n  - For: x\n\n## Plan\n';

  it('a plain Markdown file gives no messages, whatever it says', () => {
    for (const path of ['notes.md', 'README.md', 'case.md', 'x.case.markdown']) {
      const analysis = analyse(bad, { path });
      assert.equal(analysis.model.isCase, false, path);
      assert.deepEqual(analysis.messages, [], path);
    }
    assert.ok(lint(bad).length > 3, 'the same text as a case file has messages');
  });

  it('a plain Markdown file with other frontmatter, even broken, gives no messages', () => {
    assert.deepEqual(lint(`---\ntitle: Notes\n---\n\n${bad}`, { path: 'notes.md' }), []);
    assert.deepEqual(lint(`---\ntitle: [oops\n---\n\n${bad}`, { path: 'notes.md' }), []);
  });

  it('*.case.md in any case is a case file, frontmatter or not', () => {
    for (const path of ['a.case.md', 'dir/A.CASE.MD', 'C:\\cases\\b.Case.md']) assert.equal(analyse(bad, { path }).model.isCase, true, path);
  });

  it('casemark: in the frontmatter makes a .md file a case, as a version, a settings block or empty', () => {
    for (const fm of ['casemark: 1', 'casemark:\n  rules:\n    labels: off', 'casemark:']) {
      const text = `---\n${fm}\n---\n\n${bad}`;
      const analysis = analyse(text, { path: 'notes.md' });
      assert.equal(analysis.model.isCase, true, fm);
      assert.ok(analysis.messages.length > 0, fm);
    }
  });

  it('casemark: in a broken frontmatter still makes it a case, and says what is wrong', () => {
    const text = `---\ncasemark: 1\ncase: [oops\n---\n\n${bad}`;
    const analysis = analyse(text, { path: 'notes.md' });
    assert.equal(analysis.model.isCase, true);
    const problem = single(analysis.messages.filter((m) => m.ruleId === 'frontmatter-invalid'));
    const fenceEnd = text.indexOf('\n---\n') + 4;
    const place = problem.place;
    assert.ok(place && 'start' in place);
    assert.ok((place.start.offset ?? -1) >= 0 && (place.end.offset ?? Infinity) <= fenceEnd);
  });

  it('with no path, only casemark: in the frontmatter makes it a case', () => {
    assert.deepEqual(analyse(bad).messages, []);
    assert.ok(analyse(`---\ncasemark: 1\n---\n\n${bad}`).messages.length > 0);
  });
});

describe('parse: line endings and byte order mark', () => {
  const lf = caseFile(
    `# Case\n\n## Dilemma\n\nstuck\n\n${hypotheses(
      '- H1: Mr K is clearly controlling.',
      '  - For: He was non-compliant. (source: school, 2026-09-12)',
      '  - Status: confirmed',
      '- Mum said she was tired',
      '',
      '  He will never change.',
    )}\n## Plan\n\n- visit\n`,
    'people:\n  - {name: Jay, role: son, age: 6}\n  - name: Mr K\n    role: stepfather\ncase: [a, b]',
  );
  const crlf = lf.replace(/\n/g, '\r\n');
  const noOffsets = (m: CaseModel): unknown =>
    JSON.parse(JSON.stringify(m, (key, value: unknown) => (key === 'offset' || key === 'insertAt' ? undefined : typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value)));
  const places = (text: string): string[] =>
    lint(text).map((m) => {
      const place = m.place;
      assert.ok(place && 'start' in place);
      return `${m.ruleId} ${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`;
    });

  it('CRLF gives the same model as LF, apart from offsets', () => {
    assert.deepEqual(noOffsets(model(crlf)), noOffsets(model(lf)));
  });

  it('CRLF gives the same messages at the same lines and columns as LF', () => {
    const expected = places(lf);
    assert.ok(expected.length >= 8, expected.join('\n'));
    assert.deepEqual(places(crlf), expected);
  });

  it('CRLF offsets index the CRLF text', () => {
    const m = lintRule('labels-not-behaviour', crlf)[0];
    assert.ok(m?.fix);
    assert.equal(crlf.slice(m.fix.start, m.fix.end), 'non-compliant');
    const h = model(crlf).hypotheses[0];
    assert.equal(crlf.slice(h?.statement.position.start.offset, h?.statement.position.end.offset), 'H1: Mr K is clearly controlling.');
  });

  it('with a byte order mark, offsets index the text and agree with lines and columns', () => {
    const text = `\uFEFF${caseFile(hypotheses('- H1: He is clearly sad.'))}`;
    const analysis = analyse(text, { path: 'x.case.md' });
    assert.equal(analysis.model.frontmatter.present, true);
    for (const m of analysis.messages) {
      const place = m.place;
      assert.ok(place && 'start' in place);
      for (const point of [place.start, place.end]) assert.deepEqual(point, pointAt(text, point.offset ?? -1), m.ruleId);
    }
    assert.deepEqual(analysis.model.hypotheses[0]?.statement.position, span(text, 'H1: He is clearly sad.'));
    const noTest = single(analysis.messages.filter((m) => m.ruleId === 'hypothesis-no-test'));
    assert.equal(applyFix(text, noTest.fix), text.replace('sad.', 'sad.\n  - Test: '));
  });
});
