// The new-case template is quiet: no prompt before anything is typed, no mangled placeholder, and the alternative
// viewpoint does not read its placeholder sentences as the writer's words (issue 17).
import assert from 'node:assert/strict';
import { analyse, buildViewpoint, newCaseTemplate, viewpointDocument, withoutPlaceholders } from '../../src/core/index';

const template = newCaseTemplate('2026-12-03');
const lint = (text: string) => analyse(text, { path: 'Untitled-1' });

describe('the new-case template', () => {
  it('has no prompts at all before anything is typed', () => {
    const { model, messages } = lint(template);
    assert.equal(model.isCase, true);
    assert.deepEqual(messages.map((m) => `${m.line}: ${m.ruleId}`), []);
  });

  it('has no mangled placeholder a prompt could quote (“what Child’s said”)', () => {
    assert.doesNotMatch(template, /Child's first name|Child’s/);
    assert.equal(lint(template).model.people.length, 0, 'the people are examples in comments until the writer adds them');
  });

  it('keeps an empty Test: as a place for the test, and still prompts when there is no Test: item at all', () => {
    const withEmpty = '---\ncasemark: 1\n---\n\n## Hypotheses\n\n- H1: Mum may be finding mornings hard.\n  - Test:\n';
    const without = '---\ncasemark: 1\n---\n\n## Hypotheses\n\n- H1: Mum may be finding mornings hard.\n  - For: late twice (source: school)\n';
    assert.ok(!lint(withEmpty).messages.some((m) => m.ruleId === 'hypothesis-no-test'));
    assert.deepEqual(lint(withEmpty).model.hypotheses[0]?.emptyItems.map((i) => i.kind), ['test']);
    assert.deepEqual(lint(withEmpty).model.hypotheses[0]?.tests, [], 'an empty item is not a test');
    assert.ok(lint(without).messages.some((m) => m.ruleId === 'hypothesis-no-test'));
  });

  it('asks for the index child once the genogram has someone in it, not while it is empty', () => {
    const filled = template.replace('# person amy female 8 index', 'person amy female 8');
    assert.ok(lint(filled).messages.some((m) => m.ruleId === 'genogram-no-index'));
    assert.ok(!lint(template).messages.some((m) => m.ruleId === 'genogram-no-index'));
  });

  it('gives the alternative viewpoint nothing to count as “Mentioned” until the writer writes it', () => {
    const viewpoint = viewpointDocument(buildViewpoint(lint(template), template));
    assert.doesNotMatch(viewpoint, /Mentioned in the notes/);
    const written = template.replace('What is stopping change? What are you unsure about?', 'Money has been tight since the rent went up.');
    assert.match(viewpointDocument(buildViewpoint(lint(written), written)), /Mentioned in the notes: Class \(“Money”\)/);
  });

  it('blanks out placeholders without moving anything', () => {
    const blanked = withoutPlaceholders(template);
    assert.equal(blanked.length, template.length);
    assert.doesNotMatch(blanked, /money, culture/);
    assert.match(blanked, /## Dilemma/);
  });
});
