// Caps before the parser's worst case: deep nesting and long emphasis runs are read in linear time, with a message
// at their place, and ordinary files pass through untouched.
import assert from 'node:assert/strict';
import { generateCase, generateHypothesisList } from '../../bench/generate';
import { analyse } from '../../src/core/index';
import { limitText, maxEmphasisRuns, maxNesting } from '../../src/core/parse/limits';
import { parseWhole } from '../../src/core/parse/markdown';

const front = '---\ncasemark: 1\n---\n\n# Case\n\n';
const nestedList = (depth: number) => `${front}${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n\nAfter the list.\n`;
const nestedQuotes = (depth: number) => `${front}${Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)} quote ${i + 1}`).join('\n')}\n`;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('parse limits', function () {
  this.timeout(60_000);

  it('leaves ordinary case files exactly as they are', () => {
    for (const text of [generateCase(2_000), generateHypothesisList(200), `${front}*some* _emphasis_ and **strong** words\n`, nestedList(maxNesting), nestedQuotes(maxNesting)]) {
      const limited = limitText(text);
      assert.equal(limited.text, text);
      assert.deepEqual(limited.notices, []);
    }
  });

  it('reads a list nested 2,200 deep as far as the cap, says where, and keeps every offset', () => {
    const text = nestedList(2_200);
    const { value: limited, ms } = timed(() => limitText(text));
    assert.equal(limited.text.length, text.length);
    assert.equal(limited.text.split('\n').length, text.split('\n').length, 'line endings kept');
    const firstDeep = 6 + maxNesting + 1;
    assert.equal(limited.notices.length, 1);
    assert.equal(limited.notices[0]?.position.start.line, firstDeep);
    assert.equal(limited.notices[0]?.position.end.line, 6 + 2_200);
    assert.match(limited.notices[0]?.message ?? '', /nested more than 32 levels deep.*not checked/);
    const parsed = timed(() => parseWhole(limited.text));
    // Uncapped this took about a minute (issue 16); capped it is a linear pass. Generous for a loaded 2-core machine.
    assert.ok(ms + parsed.ms < 15_000, `${(ms + parsed.ms).toFixed(0)} ms`);
    // The levels above the cap are still a list, and the text after the deep part is a paragraph again.
    const list = parsed.value.children.find((n) => n.type === 'list');
    assert.ok(list);
    const last = parsed.value.children[parsed.value.children.length - 1];
    assert.equal(last?.type, 'paragraph');
    assert.equal(last?.position?.start.offset, text.indexOf('After the list.'));
  });

  it('caps nested block quotes the same way', () => {
    const text = nestedQuotes(2_000);
    const limited = limitText(text);
    assert.equal(limited.text.length, text.length);
    assert.equal(limited.notices[0]?.position.start.line, 6 + maxNesting + 1);
    const { ms } = timed(() => parseWhole(limited.text));
    assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
  });

  it('reads emphasis markers past the cap in one paragraph as plain text, from the place it says', () => {
    const text = `${front}${'*a '.repeat(12_000)}b${' c*'.repeat(12_000)}\n\nNext *one*.\n`;
    const limited = limitText(text);
    assert.equal(limited.text.length, text.length);
    assert.equal(limited.notices.length, 1);
    const at = limited.notices[0]?.position.start.offset ?? -1;
    assert.equal(text[at], '*');
    assert.equal((text.slice(0, at).match(/\*/g) ?? []).length, maxEmphasisRuns, 'the first runs are kept');
    assert.equal(limited.text.slice(at).split('\n\n')[0]?.includes('*'), false);
    assert.ok(limited.text.endsWith('Next *one*.\n'), 'the next paragraph has its own count');
    const { ms } = timed(() => parseWhole(limited.text));
    assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
  });

  it('analyse reports each cap as analysis-limit at its place, and still checks the rest', () => {
    const text = `${nestedList(40)}\n## Hypotheses\n\n- H1: Sam may be worried about school.\n`;
    const analysis = analyse(text, { path: 'deep.case.md' });
    const limit = analysis.messages.filter((m) => m.ruleId === 'analysis-limit');
    assert.equal(limit.length, 1);
    assert.equal(limit[0]?.line, 6 + maxNesting + 1);
    assert.equal(limit[0]?.url, 'docs/performance.md');
    assert.equal(analysis.model.hypotheses.length, 1);
    assert.ok(analysis.messages.some((m) => m.ruleId === 'hypothesis-no-test'));
  });

  it('is not silenced by a casemark-disable comment', () => {
    const text = `<!-- casemark-disable -->\n${nestedList(40)}`;
    assert.ok(analyse(text, { path: 'deep.case.md' }).messages.some((m) => m.ruleId === 'analysis-limit'));
  });
});
