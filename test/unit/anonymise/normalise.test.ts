// The ASCII fast path of normaliseWithMap must give exactly what folding each character with its marks gives: the
// same text and the same map back to the original, on ASCII mixed with marks, invisible characters and wide letters.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { invisible, normaliseName, normaliseWithMap, type Normalised } from '../../../src/core/anonymise/normalise';

interface PlainMap {
  text: string;
  from: number[];
  to: number[];
}

/** The map with plain arrays, to compare. */
const plain = (map: Normalised): PlainMap => ({ text: map.text, from: [...map.from], to: [...map.to] });

/** The general path for every character: a character with its combining marks, folded as one. */
function folded(original: string): PlainMap {
  const result: PlainMap = { text: '', from: [], to: [] };
  const units = [...original];
  let i = 0;
  for (let n = 0; n < units.length; ) {
    const first = units[n] as string;
    let piece = first;
    n++;
    while (n < units.length && /\p{M}/u.test(units[n] as string)) piece += units[n++];
    const out = invisible.test(piece) && piece.length === first.length ? '' : normaliseName(piece);
    for (let k = 0; k < out.length; k++) {
      result.from.push(i);
      result.to.push(i + piece.length);
    }
    result.text += out;
    i += piece.length;
  }
  return result;
}

describe('normaliseWithMap', () => {
  it('gives what folding each character gives, fast path or not', () => {
    const pieces = ['K', 'e', 'r', 'y', 'M', 'IA', ' ', '-', "'", '\n', '\t', '\u0000', 'e\u0301', 'A\u0308', '\u200B', '\u00AD', '\u2060', 'Ｋ', 'é', '𝐊', 'a\u{1D165}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(plain(normaliseWithMap(text)), folded(text), JSON.stringify(text));
      }),
      { numRuns: 500 },
    );
  });

  it('maps a long text with wide expansions (its map grows past the text’s length)', () => {
    const text = `${'Kerry '.repeat(2_000)}${'\uFDFA'.repeat(50)}é`;
    assert.deepEqual(plain(normaliseWithMap(text)), folded(text));
  });

  it('lower-cases ASCII and maps each letter to its own place', () => {
    assert.deepEqual(plain(normaliseWithMap('MIA Jo')), { text: 'mia jo', from: [0, 1, 2, 3, 4, 5], to: [1, 2, 3, 4, 5, 6] });
    assert.deepEqual(plain(normaliseWithMap('Ze\u0301')), { text: 'ze', from: [0, 1], to: [1, 3] });
  });
});
