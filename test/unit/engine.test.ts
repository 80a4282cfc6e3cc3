// The rule engine: reading problems as one list on the model, reported by the rule they name; one context builder
// for analyse and for the viewpoint's "where would this rule report".
import assert from 'node:assert/strict';
import { analyse, rules, type Analysis } from '../../src/core/index';
import { findingsOf } from '../../src/core/rules/engine';
import { caseFile, casePath, hypotheses, only } from './helpers';

const readingRules = ['frontmatter-invalid', 'config-invalid', 'status-unknown', 'genogram-syntax', 'genogram-duplicate-id', 'genogram-unknown-person'];

const troubled = caseFile(
  `${hypotheses('- H1: Mornings may be harder since Alfie was born.\n  - Status: confirmed\n  - Test: Ask Kerry about Tuesday.')}\n\`\`\`genogram\nperson kerry female 30\n=> ??? <=\n\`\`\`\n`,
  'people: [{name: Mia, age: eight}]\ncasemark:\n  rules:\n    no-such-rule: off',
);

describe('rule engine', () => {
  it('keeps everything the reader could not read on the model, each naming a rule that exists', () => {
    const { model } = analyse(troubled, { path: casePath });
    const named = model.problems.map((p) => p.ruleId);
    for (const id of ['frontmatter-invalid', 'config-invalid', 'status-unknown', 'genogram-syntax']) assert.ok(named.includes(id), `a ${id} problem in ${named.join(', ')}`);
    for (const id of named) assert.ok(rules.some((r) => r.id === id), `${id} is a rule`);
    for (const problem of model.problems) assert.ok(problem.position.start.line >= 1 && problem.message.length > 0);
  });

  it('reports each reading problem once, under its rule, at its place', () => {
    const { model, messages } = analyse(troubled, { path: casePath });
    for (const problem of model.problems) {
      const found = only(messages, problem.ruleId).filter((m) => m.reason === problem.message && m.line === problem.position.start.line);
      assert.equal(found.length, 1, `${problem.ruleId}: ${problem.message}`);
    }
  });

  it('has no check for the reading rules: they report only what the reader found', () => {
    for (const id of readingRules) assert.equal(rules.find((r) => r.id === id)?.check, undefined, id);
    assert.deepEqual(rules.filter((r) => !r.check).map((r) => r.id).sort(), [...readingRules].sort());
  });

  it('drops a reading rule\'s problems when the rule is off', () => {
    const { messages } = analyse(troubled, { path: casePath, config: { rules: { 'status-unknown': { severity: 'off' }, 'genogram-syntax': { severity: 'off' } } } });
    assert.deepEqual(only(messages, 'status-unknown'), []);
    assert.deepEqual(only(messages, 'genogram-syntax'), []);
    assert.ok(only(messages, 'frontmatter-invalid').length > 0);
  });

  it('finds where a rule would report with the file\'s options, even when the rule is off', () => {
    const text = caseFile(hypotheses('- H1: Kerry clearly resents the school.', '- H2: Kerry plainly does.'), 'casemark:\n  rules:\n    hypothesis-certainty: {severity: off, words: [clearly, plainly]}');
    const analysis: Analysis = analyse(text, { path: casePath });
    assert.deepEqual(only(analysis.messages, 'hypothesis-certainty'), []);
    const rule = rules.find((r) => r.id === 'hypothesis-certainty');
    assert.ok(rule && analysis.source);
    const words = findingsOf(rule, analysis, analysis.source).map((p) => text.slice(p.start.offset, p.end.offset));
    assert.deepEqual(words, ['clearly', 'plainly']);
  });
});
