// Word patterns (issue 17): stems, alternatives and negation, for the lists teams extend in settings.
import assert from 'node:assert/strict';
import { findPatterns, isNegated } from '../../src/core/text/words';

const texts = (text: string, patterns: string[]) => findPatterns(text, patterns).map((m) => [m.text, m.phrase]);

describe('words: patterns', () => {
  it('a stem (word*) finds every ending, and names the entry that matched', () => {
    assert.deepEqual(texts('She disengaged; disengagement; Disengaging.', ['disengag*']), [
      ['disengaged', 'disengag*'],
      ['disengagement', 'disengag*'],
      ['Disengaging', 'disengag*'],
    ]);
  });

  it('alternatives ((a|b)) stand for one word, phrases match over spaces, hyphens and line breaks', () => {
    assert.deepEqual(texts('a refusal to\nengage, he refused-to-engage', ['(refused|refusal) to engage']).map(([t]) => t), ['refusal to\nengage', 'refused-to-engage']);
  });

  it('only whole words: not inside another word, not after a hyphen', () => {
    assert.deepEqual(texts('treatment-resistant; irresistant; chaotically', ['resistant', 'chaotic']), []);
  });

  it('plain entries work as before, and the longest entry wins', () => {
    assert.deepEqual(texts('He will never change.', ['never', 'will never change']), [['will never change', 'will never change']]);
  });

  it('searches only between from and to', () => {
    const text = 'chaotic here, chaotic there';
    assert.deepEqual(findPatterns(text, ['chaotic'], 5, text.length).map((m) => m.start), [14]);
  });

  it('an empty list finds nothing', () => {
    assert.deepEqual(findPatterns('chaotic', []), []);
  });
});

describe('words: negation', () => {
  for (const [text, word] of [
    ['may not always', 'always'],
    ['is not really chaotic', 'chaotic'],
    ['wasn’t uncooperative', 'uncooperative'],
    ["didn't always", 'always'],
    ['never unmanageable', 'unmanageable'],
  ] as const) {
    it(`“${text}” denies “${word}”`, () => assert.ok(isNegated(text, text.indexOf(word))));
  }
  for (const [text, word] of [
    ['he always', 'always'],
    ['not at home, and chaotic', 'chaotic'],
    ['Nothing was said. It is chaotic', 'chaotic'],
    ['knot always', 'always'],
  ] as const) {
    it(`“${text}” does not deny “${word}”`, () => assert.ok(!isNegated(text, text.indexOf(word))));
  }
});
