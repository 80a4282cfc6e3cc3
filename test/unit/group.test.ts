// Fewer, better-ordered prompts (issue 17): repeats per hypothesis merged with related places, prompts at one
// place grouped most important first, and what the editor builds from that (fixes for every place, hovers).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyse, groupPrompts, mergeRepeats } from '../../src/core/index';
import { groupEdits } from '../../src/extension/edits';
import { promptsHover } from '../../src/extension/present';
import { caseFile, hypotheses } from './helpers';

const weak = readFileSync('samples/weak-analysis.case.md', 'utf8');
const lineOf = (text: string) => (offset: number) => text.slice(0, offset).split('\n').length - 1;

describe('grouping prompts', () => {
  const analysis = analyse(weak, { path: 'weak.case.md' });
  const groups = groupPrompts(analysis.messages, analysis.model);

  it('the weak sample: 20 messages become 13 places to look, in document order', () => {
    assert.equal(analysis.messages.length, 20);
    assert.equal(groups.length, 13);
    const lines = groups.map((g) => g.primary.message.line ?? 0);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  it('the four prompts on the Hypotheses heading are one group, the relational question first', () => {
    const heading = groups.find((g) => g.primary.message.line === 20);
    assert.ok(heading);
    assert.deepEqual([heading.primary, ...heading.others].map((p) => p.message.ruleId), ['hypotheses-one-person', 'no-self-hypothesis', 'hypotheses-too-few', 'evidence-one-source']);
  });

  it('at one place, warnings before information', () => {
    const h1 = groups.find((g) => g.primary.message.line === 22 && g.primary.message.column === 3);
    assert.ok(h1);
    assert.deepEqual([h1.primary, ...h1.others].map((p) => p.message.ruleId), ['hypothesis-no-test', 'hypothesis-no-disconfirming', 'evidence-one-sided']);
  });

  it('a prompt repeated per hypothesis is given once, saying where else, with the other places related', () => {
    const prompts = mergeRepeats(analysis.messages, analysis.model);
    const noTest = prompts.filter((p) => p.message.ruleId === 'hypothesis-no-test');
    assert.equal(noTest.length, 1);
    const [only] = noTest;
    assert.ok(only);
    assert.equal(only.reason, 'H1 has no Test: item. What would you need to find out, and from whom, to test this idea? The same goes for H2.');
    assert.deepEqual(only.related.map((r) => r.at.start.line), [28]);
    assert.equal(only.related[0]?.fix?.title, 'Add a Test: item to H2');
    const never = prompts.filter((p) => p.message.ruleId === 'hypothesis-certainty' && p.message.reason.startsWith('“will never change”'));
    assert.equal(never.length, 1);
    assert.match(never[0]?.reason ?? '', /The same goes for H2\.$/);
    // Different words are different prompts.
    assert.equal(prompts.filter((p) => p.message.ruleId === 'hypothesis-certainty').length, 3);
  });

  it('leaves the analysis’s own messages as they were (one per place, for the CLI and the rules’ tests)', () => {
    assert.equal(analysis.messages.filter((m) => m.ruleId === 'hypothesis-no-test').length, 2);
    assert.ok(analysis.messages.every((m) => !m.reason.includes('The same goes for')));
  });

  it('outside hypotheses, says which lines', () => {
    const text = caseFile('## Dilemma\n\nThe home is chaotic.\n\nThe kitchen is chaotic too.\n');
    const a = analyse(text, { path: 'a.case.md' });
    const [label] = mergeRepeats(a.messages, a.model).filter((p) => p.message.ruleId === 'labels-not-behaviour');
    assert.match(label?.reason ?? '', /The same goes for line 9\.$/);
  });

  it('the editor offers a fix for every place a grouped prompt applies to', () => {
    const h1 = groups.find((g) => g.primary.message.line === 22 && g.primary.message.column === 3);
    assert.ok(h1);
    const titles = groupEdits(h1, lineOf(weak)).map((e) => e.title);
    assert.ok(titles.includes('Add a Test: item to H1') && titles.includes('Add a Test: item to H2'), titles.join(' | '));
    const never = groups.find((g) => g.primary.message.reason.startsWith('“will never change”'));
    assert.ok(never);
    assert.deepEqual(
      groupEdits(never, lineOf(weak)).map((e) => e.title),
      ['Replace “will never change” with “may find change hard”', 'Replace “will never change” with “has not yet changed”', 'Replace “will never change” with “may find change hard” (line 28)'],
    );
  });

  it('a label fix reaches the editor as a snippet', () => {
    const label = groups.find((g) => g.primary.message.ruleId === 'labels-not-behaviour');
    assert.ok(label);
    const [edit] = groupEdits(label, lineOf(weak));
    assert.equal(edit?.snippet, '${1:[what happened, and when?]}');
  });

  it('hovers put the summary first: the hypothesis and its supervision question, then the prompts, most important first', () => {
    const h1 = analysis.model.hypotheses[0];
    const here = groups.filter((g) => g.primary.message.line === 22 && g.primary.message.column === 3);
    const text = promptsHover(h1, here) ?? '';
    assert.ok(text.startsWith('**H1** · *In supervision:* What would you need to find out'), text);
    assert.ok(text.indexOf('3 CaseMark prompts here, most important first:') > text.indexOf('In supervision'));
    assert.ok(text.indexOf('hypothesis-no-disconfirming') < text.indexOf('evidence-one-sided'));
    // One explanation (for the first prompt), not one per prompt.
    assert.equal((text.match(/\*\*CaseMark · /g) ?? []).length, 1);
  });

  it('a hover at a place a prompt repeats at says where it was asked', () => {
    const noTest = mergeRepeats(analysis.messages, analysis.model).find((p) => p.message.ruleId === 'hypothesis-no-test');
    assert.ok(noTest);
    const text = promptsHover(analysis.model.hypotheses[1], [], [{ prompt: noTest, at: 22 }]) ?? '';
    assert.ok(text.startsWith('**H2** · *In supervision:*'), text);
    assert.ok(text.includes('*Asked once, at line 22, and it applies here too:* H1 has no Test: item\\. *(hypothesis-no-test)*'), text);
  });

  it('a hover escapes the writer’s words', () => {
    const text = caseFile(hypotheses('- H1: Mum is *clearly* [tired](x).'));
    const a = analyse(text, { path: 'a.case.md' });
    const here = groupPrompts(a.messages, a.model).filter((g) => g.primary.message.ruleId === 'hypothesis-certainty');
    const hover = promptsHover(a.model.hypotheses[0], here) ?? '';
    assert.doesNotMatch(hover, /\[tired\]\(x\)/);
  });
});
