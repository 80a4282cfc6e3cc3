// The change between two versions of a text, as the analysis worker is sent it: applied to the older text it gives
// exactly the newer one, whatever the edit; applied to a text it was not made from, it is refused.
import assert from 'node:assert/strict';
import { applyTextChange, textChange } from '../../../src/extension/text-change';

/** A small seeded generator, so that a failure can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pieces = ['a', 'b', ' ', '\n', '\r\n', 'é', 'e\u0301', '😀', '\uD83D', '“', 'H1: ', '- '];

describe('text changes sent to the analysis worker', () => {
  it('gives back exactly the newer text, for 2,000 random edits (repeats, surrogate pairs split, lone surrogates)', () => {
    const next = random(16);
    const pick = () => pieces[Math.floor(next() * pieces.length)] ?? '';
    for (let round = 0; round < 2_000; round++) {
      let before = '';
      for (let i = Math.floor(next() * 40); i > 0; i--) before += pick();
      let after = before;
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const start = Math.floor(next() * (after.length + 1));
        const end = start + Math.floor(next() * (after.length - start + 1));
        let insert = '';
        for (let i = Math.floor(next() * 4); i > 0; i--) insert += pick();
        after = after.slice(0, start) + insert + after.slice(end);
      }
      const change = textChange(before, after);
      assert.equal(applyTextChange(before, change), after, JSON.stringify({ before, after, change }));
      assert.ok(change.end - change.start <= before.length && change.insert.length <= after.length);
    }
  });

  it('is one small span for one edit in a long text, and nothing for the same text', () => {
    const before = 'line of notes\n'.repeat(10_000);
    const after = `${before.slice(0, 70_000)}perhaps ${before.slice(70_000)}`;
    assert.deepEqual(textChange(before, after), { start: 70_000, end: 70_000, insert: 'perhaps ', length: after.length });
    assert.deepEqual(textChange(before, before), { start: before.length, end: before.length, insert: '', length: before.length });
  });

  it('is refused by a text it was not made from', () => {
    const change = textChange('the mother said', 'the mother may have said');
    assert.equal(applyTextChange('the mother', change), undefined);
    assert.equal(applyTextChange('', change), undefined);
    assert.equal(applyTextChange('x'.repeat(100), change), undefined);
  });
});
