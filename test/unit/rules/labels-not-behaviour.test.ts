import assert from 'node:assert/strict';
import { applyFix, assertAt, caseFile, coveredText, describeSeverity, hypotheses, lintRule, rule, ruleSettings, single, span, withRule } from '../helpers';

const id = 'labels-not-behaviour';
const placeholder = '[what did you see or hear?]';

function defaultLabels(): string[] {
  const words = rule(id).options.words?.default;
  assert.ok(Array.isArray(words) && words.length > 0, 'the rule has a default word list');
  return words;
}

describe(id, () => {
  describe('fires', () => {
    for (const label of defaultLabels()) {
      it(`on “${label}”, at the label, with a fix that asks what happened`, () => {
        const text = caseFile(`## Dilemma\n\nAt the meeting Mr K was ${label} again.\n`);
        const m = single(lintRule(id, text));
        assert.equal(m.ruleId, id);
        assert.equal(m.severity, 'warning');
        assertAt(m, span(text, label));
        assert.ok(m.reason.startsWith(`“${label}” is a label.`), m.reason);
        assert.match(m.reason, /What did you actually see or hear\?/);
        assert.deepEqual(m.expected, [placeholder]);
        const fixed = applyFix(text, m.fix);
        assert.equal(fixed, text.replace(label, placeholder));
        assert.deepEqual(lintRule(id, fixed), []);
      });
    }

    it('anywhere in the prose: hypotheses, evidence and other sections, each occurrence', () => {
      const text = caseFile(
        `## Dilemma\n\nThe family are Chaotic.\n\n${hypotheses('- H1: Mum may be resistant to help.', '  - For: She was uncooperative at the visit. (source: school)')}`,
      );
      const messages = lintRule(id, text);
      assert.deepEqual(
        messages.map((m) => coveredText(text, m)),
        ['Chaotic', 'resistant', 'uncooperative'],
      );
      assertAt(messages[1], span(text, 'resistant'));
      assertAt(messages[2], span(text, 'uncooperative'));
    });

    it('a label written over a line break and with a hyphen for a space', () => {
      const text = caseFile('## Dilemma\n\nHe is hard\nto-reach.\n');
      const m = single(lintRule(id, text));
      assert.equal(coveredText(text, m), 'hard\nto-reach');
      assert.equal(applyFix(text, m.fix), text.replace('hard\nto-reach', placeholder));
    });
  });

  describe('does not fire', () => {
    it('"engaged well" and other descriptions of behaviour', () => {
      const text = caseFile('## Dilemma\n\nMr K engaged well and answered every question. He was not at home on Tuesday.\n');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('words that contain a label', () => {
      const text = caseFile('## Dilemma\n\nThe resistance band and the hard-to-reach-shelf; chaotically; manipulatively.\n');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('labels in code, HTML comments or frontmatter', () => {
      const text = caseFile('## Dilemma\n\nThe form says `non-compliant`. <!-- chaotic -->\n\n```\nhard to reach\n```\n', 'case: The chaotic family');
      assert.deepEqual(lintRule(id, text), []);
    });

    it('in a file that is not a case analysis', () => {
      assert.deepEqual(lintRule(id, 'He was non-compliant.\n', { path: 'notes.md' }), []);
    });
  });

  describe('options', () => {
    it('words from project config replace the default list', () => {
      const text = caseFile('## Dilemma\n\nHe was chaotic and lazy.\n');
      assertAt(single(lintRule(id, text, withRule(id, { words: ['lazy'] }))), span(text, 'lazy'));
    });

    it('words from frontmatter replace the default list', () => {
      const text = caseFile('## Dilemma\n\nHe was chaotic and lazy.\n', ruleSettings(id, '{words: [lazy]}'));
      const m = single(lintRule(id, text));
      assertAt(m, span(text, 'lazy', 1));
      assert.equal(applyFix(text, m.fix), text.replace('and lazy', `and ${placeholder}`));
    });
  });

  describeSeverity(id, (fm) => caseFile('## Dilemma\n\nHe was non-compliant.\n', fm));
});
