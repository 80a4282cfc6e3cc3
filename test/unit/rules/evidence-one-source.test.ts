import assert from 'node:assert/strict';
import { assertAt, caseFile, describeSeverity, hypotheses, lintRule, ruleSettings, single, span, withRule } from '../helpers';

const id = 'evidence-one-source';

function evidence(...sources: string[]): string {
  return hypotheses('- H1: Dad may feel left out.', ...sources.map((s, i) => `  - ${i % 2 ? 'Against' : 'For'}: item ${i + 1} (source: ${s})`));
}

describe(id, () => {
  describe('fires', () => {
    it('when all sourced evidence comes from one source, at the Hypotheses heading', () => {
      const text = caseFile(`## Dilemma\n\nx\n\n${evidence('school', 'The School, 2026-09-12', 'school')}`);
      const m = single(lintRule(id, text));
      assert.equal(m.ruleId, id);
      assert.equal(m.severity, 'info');
      assertAt(m, span(text, '## Hypotheses'));
      assert.match(m.reason, /^All 3 pieces of evidence come from school\./);
      assert.match(m.reason, /Whose account might differ\?/);
    });

    it('counting evidence across hypotheses and ignoring unsourced items', () => {
      const text = caseFile(hypotheses('- H1: a', '  - For: x (source: GP)', '  - For: y', '- H2: b', '  - For: z (source: GP)', '  - Against: w (source: gp, March 2026)'));
      assert.match(single(lintRule(id, text)).reason, /^All 3 pieces of evidence come from GP/);
    });
  });

  describe('does not fire', () => {
    it('when another source appears', () => {
      assert.deepEqual(lintRule(id, caseFile(evidence('school', 'school', 'Mum'))), []);
    });

    it('below the minimum of three sourced items', () => {
      assert.deepEqual(lintRule(id, caseFile(evidence('school', 'school'))), []);
    });

    it('counting a "none found" note as evidence', () => {
      const text = caseFile(hypotheses('- H1: a', '  - For: x (source: school)', '  - For: y (source: school)', '  - Against: none found (source: school)'));
      assert.deepEqual(lintRule(id, text), []);
    });

    it('with no evidence at all', () => {
      assert.deepEqual(lintRule(id, caseFile(hypotheses('- H1: a'))), []);
    });
  });

  describe('options', () => {
    it('minimum from project config', () => {
      assert.match(single(lintRule(id, caseFile(evidence('school', 'school')), withRule(id, { minimum: 2 }))).reason, /^All 2 pieces/);
      assert.deepEqual(lintRule(id, caseFile(evidence('school', 'school', 'school')), withRule(id, { minimum: 4 })), []);
    });

    it('minimum from frontmatter', () => {
      assert.equal(lintRule(id, caseFile(evidence('school', 'school'), ruleSettings(id, '{minimum: 2}'))).length, 1);
      assert.deepEqual(lintRule(id, caseFile(evidence('school', 'school', 'school'), ruleSettings(id, '{minimum: 4}'))), []);
    });
  });

  describeSeverity(id, (fm) => caseFile(evidence('school', 'school', 'school'), fm));
});
