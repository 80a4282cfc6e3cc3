import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, ruleSettings, single, span, withRule } from '../helpers';

const id = 'no-self-hypothesis';
const family = hypotheses('- H1: Dad may feel left out.', '- H2: Amy may be caring for Mum.');

describe(id, () => {
  describe('fires', () => {
    it('when no hypothesis is about the worker or the services, at the Hypotheses heading', () => {
      const text = caseFile(`## Dilemma\n\nI have met Mum four times.\n\n${family}`);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'warning');
      assertAt(m, span(text, '## Hypotheses'));
      assert.match(m.reason, /^None of the hypotheses is about you or the professional system\./);
    });

    it('when the worker is only mentioned in evidence, not in a statement', () => {
      const text = caseFile(hypotheses('- H1: Dad may feel left out.', '  - For: I have only met Mum. (source: case record)'));
      assert.equal(lintRule(id, text).length, 1);
    });

    it('when a word only contains a self word (“mine”, “ourselves”, “usual”)', () => {
      const text = caseFile(hypotheses('- H1: The mine closed and ourselves are the usual suspects.'));
      assert.equal(lintRule(id, text).length, 1);
    });
  });

  describe('does not fire', () => {
    for (const statement of ['I may be more comfortable talking with mothers.', 'The school and children’s services may disagree.', 'Our team has only visited in the mornings.', 'The professional system may be repeating a pattern.']) {
      it(`with a hypothesis like “${statement}”`, () => {
        assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: Dad may feel left out.', `- H2: ${statement}`))), []);
      });
    }

    it('with About: worker', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: Dad may feel left out.', '- H2: Visits are at the wrong time.', '  - About: worker, Dad'))), []);
    });

    it('with no hypotheses at all (that is hypotheses-missing)', () => {
      assert.deepEqual(lintRule(id, caseFile('## Dilemma\n\nx\n')), []);
    });
  });

  describe('options', () => {
    const own = hypotheses('- H1: Dad may feel left out.', '- H2: I may favour Mum.', '- H3: The duty desk may be slow.');

    it('words from project config replace the default list', () => {
      assert.deepEqual(lintRule(id, caseFile(own)), []);
      assert.equal(lintRule(id, caseFile(own), withRule(id, { words: ['social worker'] })).length, 1);
      assert.deepEqual(lintRule(id, caseFile(own), withRule(id, { words: ['duty desk'] })), []);
    });

    it('words from frontmatter replace the default list', () => {
      assert.equal(lintRule(id, caseFile(own, ruleSettings(id, '{words: [social worker]}'))).length, 1);
      assert.deepEqual(lintRule(id, caseFile(own, ruleSettings(id, '{words: [duty desk]}'))), []);
    });
  });

  describe('who the hypothesis is about (issue 17)', () => {
    it('fires when “us” is only the family’s view of the worker (“will never work with us”)', () => {
      const text = caseFile(hypotheses('- H1: Kim will never work with us while Paul is in the house.', '- H2: Kim may fear losing her home.'));
      assertAt(single(lintRule(id, text)), span(text, '## Hypotheses'));
    });

    for (const who of ['The therapist', 'The health visitor', 'The children’s guardian', 'The GP', 'The police']) {
      it(`is quiet when a hypothesis is about the professional system: “${who} may have…”`, () => {
        const text = caseFile(hypotheses('- H1: Dad may feel left out.', `- H2: ${who} may have seen more of Finn than anyone else.`));
        assert.deepEqual(lintRule(id, text), []);
      });
    }

    it('is quiet with About: me', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: Dad may feel left out.', '- H2: Visits are at the wrong time.', '  - About: me'))), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(family, fm));
});
