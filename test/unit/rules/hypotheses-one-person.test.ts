import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, single, span } from '../helpers';

const id = 'hypotheses-one-person';
const people = 'people:\n  - {name: Mr K, role: stepfather}\n  - {name: Ms B, role: mother}\n  - {name: Jay, role: son, age: 6}';

describe(id, () => {
  describe('fires', () => {
    it('when every hypothesis names the same one person, at the Hypotheses heading', () => {
      const text = caseFile(hypotheses('- H1: Mr K is controlling.', '- H2: Mr K drinks.', '- H3: Mr K may be frightened.'), people);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, '## Hypotheses'));
      assert.match(m.reason, /^Every hypothesis is about Mr K alone\./);
      assert.match(m.reason, /between people/);
    });

    it('when every hypothesis is about one family role, by name or by role', () => {
      const text = caseFile(hypotheses('- H1: Her mother is tired.', '- H2: Ms B may be depressed.'), people);
      assert.match(single(lintRule(id, text)).reason, /about Ms B alone/);
    });

    it('when About: items name the same person', () => {
      const text = caseFile(hypotheses('- H1: Tiredness.', '  - About: Ms B', '- H2: Worry about money.', '  - About: mum'), people);
      assert.match(single(lintRule(id, text)).reason, /about Ms B alone/);
    });

    it('without people in the frontmatter, by the About: name as written', () => {
      const text = caseFile(hypotheses('- H1: Tiredness.', '  - About: Sam', '- H2: Worry.', '  - About: sam'));
      assert.match(single(lintRule(id, text)).reason, /about Sam alone/);
    });
  });

  describe('does not fire', () => {
    it('when hypotheses are about different people', () => {
      const text = caseFile(hypotheses('- H1: Mr K is controlling.', '- H2: Ms B may be depressed.'), people);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('when a hypothesis is about a relationship between people', () => {
      const text = caseFile(hypotheses('- H1: Mr K is controlling.', '- H2: Mr K and Ms B argue about Jay.'), people);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('when a hypothesis names nobody', () => {
      const text = caseFile(hypotheses('- H1: Mr K is controlling.', '- H2: Money is short this winter.'), people);
      assert.deepEqual(lintRule(id, text), []);
    });

    it('with a single hypothesis', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: Mr K is controlling.'), people)), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(hypotheses('- H1: Mr K is controlling.', '- H2: Mr K drinks.'), `${fm}${people}`));
});
