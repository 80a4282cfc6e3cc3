import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span, withRule } from '../helpers';

const id = 'config-invalid';
const body = hypotheses('- H1: He was non-compliant.');

describe(id, () => {
  describe('fires', () => {
    it('on an unknown rule in the frontmatter settings, at its name', () => {
      const text = caseFile(body, 'casemark:\n  rules:\n    nope: off');
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'error');
      assertAt(m, span(text, 'nope'));
      assert.match(m.reason, /^Unknown rule “nope”\./);
    });

    it('on wrong options and unknown settings in the frontmatter, at each', () => {
      const text = caseFile(body, 'casemark:\n  rules:\n    hypotheses-too-few: {minimum: lots, maximum: 4}\n    labels: loud\n  colour: red');
      const messages = lintRule(id, text);
      assert.equal(messages.length, 4);
      assertAt(messages[0], span(text, 'lots'));
      assert.match(messages[0]?.reason ?? '', /minimum should be a number/);
      assertAt(messages[1], span(text, 'maximum'));
      assert.match(messages[1]?.reason ?? '', /has no option “maximum” \(options: minimum\)/);
      assertAt(messages[2], span(text, 'loud'));
      assert.match(messages[2]?.reason ?? '', /“loud” is not a severity/);
      assertAt(messages[3], span(text, 'colour'));
    });

    it('the readable settings beside a bad one still apply', () => {
      const text = caseFile(body, 'casemark:\n  rules:\n    nope: off\n    labels-not-behaviour: off');
      assert.deepEqual(lintRule('labels-not-behaviour', text), []);
    });

    it('on an unknown rule in an inline comment, at the comment', () => {
      const text = caseFile(`<!-- casemark-disable nope -->\n\n${body}`);
      const m = single(lintRule(id, text));
      assertAt(m, span(text, '<!-- casemark-disable nope -->'));
      assert.equal(m.severity, 'error');
      assert.match(m.reason, /^Unknown rule “nope” in a casemark comment\./);
    });
  });

  describe('does not fire', () => {
    it('on known rules, aliases, severities and options', () => {
      const text = caseFile(body, 'casemark:\n  version: 1\n  rules:\n    labels: warn\n    hypotheses-too-few: {minimum: 2, severity: info}\n  sections:\n    hypotheses: [ideas]\n  keywords:\n    for: pro');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('on comments that are not casemark comments', () => {
      assert.deepEqual(lintRule(id, caseFile(`<!-- nope -->\n\n<!-- markdownlint-disable MD001 -->\n\n${body}`)), []);
    });
  });

  describe('severity of inline-comment messages', () => {
    const text = caseFile(`<!-- casemark-disable nope -->\n\n${body}`);

    it("'off' in project config silences them", () => {
      assert.deepEqual(lintRule(id, text, withRule(id, { severity: 'off' })), []);
    });

    it('a severity in project config or frontmatter applies to them', () => {
      assert.equal(single(lintRule(id, text, withRule(id, { severity: 'info' }))).severity, 'info');
      const withSetting = caseFile(`<!-- casemark-disable nope -->\n\n${body}`, 'casemark:\n  rules:\n    config-invalid: warning');
      assert.equal(single(lintRule(id, withSetting)).severity, 'warning');
    });

    it("'off' in frontmatter silences them", () => {
      const withSetting = caseFile(`<!-- casemark-disable nope -->\n\n${body}`, 'casemark:\n  rules:\n    config-invalid: off');
      assert.deepEqual(lintRule(id, withSetting), []);
    });
  });

  // A frontmatter problem to report: `fm` is a `casemark: rules:` block, to which the unknown rule is added.
  describeSeverity(id, (fm) => caseFile(body, fm ? `${fm}    nope: off\n` : 'casemark:\n  rules:\n    nope: off\n'));
});
