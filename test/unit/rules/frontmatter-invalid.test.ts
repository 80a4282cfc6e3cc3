import assert from 'node:assert/strict';
import { analyse } from '../../../src/core/index';
import { assertAt, caseFile, coveredText, describeSeverity, hypotheses, lint, lintRule, placeOf, single, span } from '../helpers';

const id = 'frontmatter-invalid';
const body = hypotheses('- H1: Dad may feel left out.');

describe(id, () => {
  describe('fires', () => {
    it('on YAML that cannot be read, with a place inside the frontmatter', () => {
      const text = `---\ncasemark: 1\ncase: [oops\nauthor: me\n---\n\n${body}`;
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assert.equal(m.fatal, true);
      assert.match(m.reason, /^The frontmatter is not valid YAML: /);
      const place = placeOf(m);
      const fenceEnd = text.indexOf('\n---\n') + 4;
      assert.ok((place.start.offset ?? -1) >= 4 && (place.end.offset ?? Infinity) <= fenceEnd, `inside the frontmatter: ${JSON.stringify(place)}`);
      assert.ok(place.start.line >= 2 && place.end.line <= 5);
    });

    it('on a duplicate key, at the second key', () => {
      const text = `---\ncasemark: 1\ncase: A\ncase: B\n---\n\n${body}`;
      const m = single(lintRule(id, text));
      assert.match(m.reason, /unique/);
      assert.deepEqual(placeOf(m).start, span(text, 'case: B').start);
    });

    it('on tabs used for indentation, at the tab', () => {
      const text = `---\ncasemark: 1\npeople:\n\t- Amy\n---\n\n${body}`;
      const m = single(lintRule(id, text));
      assert.deepEqual(placeOf(m).start, span(text, '\t').start);
    });

    it('on CaseMark keys with the wrong shape, at their values', () => {
      const text = caseFile(body, 'people: 5\ncase: [a, b]\nauthor: {name: x}');
      const messages = lintRule(id, text);
      assert.deepEqual(messages.map((m) => coveredText(text, m)), ['5', '[a, b]', '{name: x}']);
      assert.match(messages[0]?.reason ?? '', /^`people` should be a list/);
      assert.match(messages[1]?.reason ?? '', /^`case` should be a single line of text\./);
      assertAt(messages[1], span(text, '[a, b]'));
    });

    it('on a casemark key that is neither a version nor settings', () => {
      const text = `---\ncasemark: [1]\n---\n\n${body}`;
      const m = single(lintRule(id, text));
      assertAt(m, span(text, '[1]'));
      assert.match(m.reason, /`casemark` should be the dialect version/);
    });

    it('on people without names or with a bad age, at the person or the age', () => {
      const text = caseFile(body, 'people:\n  - {role: child}\n  - {name: Amy, age: eight}\n  - [x]');
      const messages = lintRule(id, text);
      assert.deepEqual(messages.map((m) => coveredText(text, m)), ['{role: child}', 'eight', '[x]']);
      assert.match(messages[1]?.reason ?? '', /^The age of Amy should be a number of years\./);
    });

    it('on an alias to no anchor, and on too many aliases, as an error in the frontmatter', () => {
      const unresolved = `---\ncasemark: 1\npeople: [{name: *x}]\n---\n\n${body}`;
      const m = single(lintRule(id, unresolved));
      assert.match(m.reason, /^The frontmatter is not valid YAML: .*alias/i);
      assertAt(m, span(unresolved, 'casemark: 1\npeople: [{name: *x}]'));
      const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)];
      const bomb = caseFile(body, laughs.join('\n'));
      assert.match(single(lintRule(id, bomb)).reason, /^The frontmatter is not valid YAML: .*alias/i);
      assert.ok(!lint(bomb).some((x) => x.ruleId === 'internal-error'));
    });

    it('on a frontmatter that is a list, in a .case.md file', () => {
      const text = `---\n- a\n- b\n---\n\n${body}`;
      const m = single(lintRule(id, text));
      assert.match(m.reason, /should be a mapping/);
      assertAt(m, span(text, '- a\n- b'));
    });
  });

  describe('does not fire', () => {
    it('on valid frontmatter with keys CaseMark does not know', () => {
      assert.deepEqual(lintRule(id, caseFile(body, 'tags: [a, b]\nreviewed: true\ndate: 2026-11-02\nexercise: 3')), []);
    });

    it('on an empty frontmatter', () => {
      assert.deepEqual(lintRule(id, `---\n---\n\n${body}`), []);
    });

    it('on a broken frontmatter in a Markdown file that does not say casemark', () => {
      assert.deepEqual(lint('---\ncase: [oops\n---\n\n# Notes\n', { path: 'notes.md' }), []);
    });

    it('and never throws on broken frontmatter', () => {
      for (const fm of ['case: [', 'a: b: c', '"', '{', ': x', '? a', '&a [*a]', '!!binary x', 'people: [{name: *x}]']) {
        const text = `---\ncasemark: 1\n${fm}\n---\n\n${body}`;
        const analysis = analyse(text, { path: 'x.case.md' });
        assert.ok(!analysis.messages.some((m) => m.ruleId === 'internal-error'), fm);
      }
    });
  });

  // Settings in a broken frontmatter cannot be read, so the severity checks use a readable one.
  describeSeverity(id, (fm) => caseFile(body, `${fm}case: [a, b]`));
});
