// Whatever the text, analyse never throws, never reports an internal error, and keeps every place inside the document.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as fc from 'fast-check';
import { analyse, type CaseMessage } from '../../src/core/index';
import { applyFix, assertInside, lines, placeOf, pointAt } from './helpers';

interface SpecExample {
  markdown: string;
  number: number;
  section: string;
}

// commonmark-spec is CommonJS without types: its `tests` are the spec's examples, with → for tabs.
const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] };
const examples = spec.tests.map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t') }));

/**
 * Every message is well placed: inside the text, offsets agreeing with lines and columns, fixes inside too.
 * The first `reanalyse` fixes are applied and the fixed text analysed again.
 */
function checkMessages(text: string, messages: readonly CaseMessage[], label: string, reanalyse = 0): void {
  let fixes = 0;
  for (const m of messages) {
    assert.notEqual(m.ruleId, 'internal-error', `${label}: ${m.reason}`);
    const place = placeOf(m);
    assertInside(text, place, `${label}: ${m.ruleId}`);
    for (const point of [place.start, place.end]) {
      assert.ok(point.offset !== undefined, `${label}: ${m.ruleId} has offsets`);
      const expected = pointAt(text, point.offset);
      assert.deepEqual([point.line, point.column], [expected.line, expected.column], `${label}: ${m.ruleId} offset ${point.offset} is at its line and column`);
    }
    if (m.fix) {
      const fixed = applyFix(text, m.fix);
      if (m.fix.end > m.fix.start) assert.equal(text.slice(m.fix.start, m.fix.end), text.slice(place.start.offset, place.end.offset), `${label}: ${m.ruleId} fix replaces what it reports`);
      if (fixes++ < reanalyse) {
        const again = analyse(fixed, { path: 'fixed.case.md' });
        assert.ok(!again.messages.some((x) => x.ruleId === 'internal-error'), `${label}: ${m.ruleId} fixed text analyses`);
      }
    }
  }
}

function check(text: string, path: string, label: string, reanalyse = 0): CaseMessage[] {
  const { messages } = analyse(text, { path });
  checkMessages(text, messages, label, reanalyse);
  return messages;
}

describe('robustness: CommonMark spec examples', () => {
  it('has the examples to run', () => {
    assert.ok(examples.length > 600, `${examples.length} examples`);
  });

  const sections = [...new Set(examples.map((e) => e.section))];
  for (const section of sections) {
    const inSection = examples.filter((e) => e.section === section);
    it(`${section} (${inSection.length} examples)`, () => {
      for (const { markdown, number } of inSection) {
        const label = `example ${number}`;
        assert.deepEqual(analyse(markdown, { path: 'example.md' }).messages, [], `${label} as a plain .md file`);
        check(markdown, 'example.case.md', label);
        check(`## Hypotheses\n\n${markdown}`, 'example.case.md', `${label} under ## Hypotheses`);
        const nested = `---\ncasemark: 1\npeople: [{name: Amy, age: 5}]\n---\n\n## Hypotheses\n\n- H1: Amy is clearly sad.\n  ${markdown.replace(/\n/g, '\n  ')}\n- H2: Dad is non-compliant\n`;
        check(nested, 'example.case.md', `${label} inside a hypothesis`, 1);
        check(markdown.replace(/\n/g, '\r\n'), 'example.case.md', `${label} with CRLF`);
      }
    });
  }
});

describe('robustness: random Markdown-ish text (fast-check)', () => {
  const fragment = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(
      '# ', '## Hypotheses', '## Hypotheses\n\n', '## Plan\n', '### Notes', '\n', '\n\n', '\r\n', '\r', '- ', '* ', '+ ', '1. ', '  - ', '    ', '\t',
      'For:', 'Against:', 'Test:', 'Status: ', 'Status: confirmed', 'About: ', 'H1:', 'H2.', 'h 3)', '(source:', '(source: school, 2026-01-02)', ')', ', 2026-01-02',
      '---', '---\n', 'casemark: 1\n', 'casemark:\n  rules:\n    nope: off\n', 'people: [{name: Amy, age: 4}]\n', 'case: [', '*a', '"', '“', '”', '‘', '’', '«', '»',
      '`', '```', '~~~', '<!--', '-->', '<!-- casemark-disable -->', '<!-- casemark-enable labels -->', '<!-- casemark-disable-next-line labels, certainty-words -->',
      '<!-- casemark-disable nope -->', 'clearly', 'Never', 'will never change', 'non-compliant', 'hard to reach', 'said', 'I think', 'Amy', 'Mum', '😀', '👨‍👩‍👧',
      '\u0000', '\uFEFF', '\u2028', '\uD800', '>', '|', '[', ']', '(', '{', '}', ':', ' ', '.', '\\', '&amp;', '<div>', '</div>', '***', '==='),
    },
    { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', ' ', '-', '#', '>', '`', '\n', '*', '['), fc.nat({ max: 400 })).map(([c, n]) => c.repeat(n)) },
  );
  const start = fc.constantFrom('', '\uFEFF', '---\ncasemark: 1\n---\n', '---\n', '## Hypotheses\n\n- H1: ');
  const documents = fc.tuple(start, fc.array(fragment, { maxLength: 80 })).map(([head, parts]) => head + parts.join(''));

  it('never throws, and keeps every message inside the document', () => {
    fc.assert(
      fc.property(documents, (text) => {
        for (const path of ['random.case.md', 'random.md']) {
          const messages = check(text, path, `${path} ${JSON.stringify(text)}`, 2);
          if (path === 'random.md' && !/casemark\s*:/.test(text)) assert.deepEqual(messages, []);
        }
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('gives the same messages, by line and column, for LF and CRLF line endings', () => {
    const lfDocuments = documents.map((text) => text.replace(/\r\n?/g, '\n'));
    const summary = (text: string): string[] =>
      analyse(text, { path: 'random.case.md' }).messages.map((m) => {
        const place = placeOf(m);
        return `${m.ruleId} ${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${m.reason}`;
      });
    fc.assert(
      fc.property(lfDocuments, (text) => {
        assert.deepEqual(summary(text.replace(/\n/g, '\r\n')), summary(text));
      }),
      { seed: 4242, numRuns: 200 },
    );
  });
});

describe('robustness: large files', () => {
  it('analyses 20,000 hypothesis lines without throwing', function () {
    this.timeout(300_000);
    const count = 20_000;
    const kinds = 50;
    // Fifty different ideas, copied over and over: every later copy reads like its first.
    const statement = (k: number): string => (k === 7 ? 'The topic7 is clearly non-compliant.' : `The topic${k} may matter to person${k}.`);
    const items = Array.from({ length: count }, (_, i) => `- H${i + 1}: ${statement(i % kinds)}`);
    const text = `---\ncasemark: 1\npeople: [{name: Amy, age: 5}]\n---\n\n## Hypotheses\n\n${items.join('\n')}\n`;
    const { model, messages } = analyse(text, { path: 'huge.case.md' });
    assert.equal(model.hypotheses.length, count);
    assert.equal(model.hypotheses[count - 1]?.label, `H${count}`);
    const perRule = (id: string): number => messages.filter((m) => m.ruleId === id).length;
    assert.equal(perRule('hypothesis-no-test'), count);
    assert.equal(perRule('hypothesis-duplicate'), count - kinds);
    assert.equal(perRule('hypothesis-certainty'), count / kinds);
    assert.equal(perRule('labels-not-behaviour'), count / kinds);
    const lineCount = lines(text).length;
    for (const m of messages) {
      assert.notEqual(m.ruleId, 'internal-error', m.reason);
      const place = placeOf(m);
      assert.ok(place.start.line >= 1 && place.end.line <= lineCount);
    }
  });

  it('analyses one very long line and deep nesting without throwing', function () {
    this.timeout(120_000);
    const long = `---\ncasemark: 1\n---\n\n## Hypotheses\n\n- H1: ${'clearly '.repeat(2_000)}\n`;
    checkMessages(long, analyse(long, { path: 'long.case.md' }).messages, 'long line');
    const deep = `## Hypotheses\n\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- For: level ${i}`).join('\n')}\n${'>'.repeat(500)} quote\n${'['.repeat(2000)}\n`;
    checkMessages(deep, analyse(deep, { path: 'deep.case.md' }).messages, 'deep nesting');
  });
});
