// The incremental parser must give exactly the tree a full parse gives, after any edit.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateCase } from '../../bench/generate';
import { IncrementalParser } from '../../src/core/parse/incremental';
import { parseMarkdown } from '../../src/core/parse/markdown';

function same(actual: unknown, expected: unknown, note: string): void {
  assert.deepEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)), note);
}

const fragments = ['a', ' ', '\n', '\n\n', '-', '- ', '* ', '1. ', '#', '# ', '>', '`', '```', '~~~', '=', '===', '---', '  ', '    ', '<!--', '-->', '*', '_', '[', ']', '(', ')', 'For: ', 'H9: ', '|', '\\', 'é', '😀'];

describe('incremental parser', function () {
  this.timeout(120_000);
  const base = generateCase(400, 7);

  /** Parse `text`, insert `insert` at `at`, re-parse: the tree must equal a full parse; returns which way it went. */
  function editOnce(text: string, at: number, insert: string): string {
    const parser = new IncrementalParser();
    parser.parse(text);
    const edited = text.slice(0, at) + insert + text.slice(at);
    const result = parser.parse(edited);
    same(result.tree, parseMarkdown(edited), `tree after inserting ${JSON.stringify(insert)}`);
    return result.kind;
  }

  it('gives the full-parse tree after single-character typing inside a hypothesis, re-parsing one item', () => {
    assert.equal(editOnce(base, base.indexOf('worried about') + 3, 'x'), 'item');
  });

  it('re-parses only blocks for a new paragraph, and the tree still matches', () => {
    assert.equal(editOnce(base, base.indexOf('## Hypotheses 2'), 'A new thought.\n\n'), 'blocks');
  });

  it('falls back to a full parse where a shortcut would be wrong (an unclosed fence)', () => {
    assert.equal(editOnce(base, base.indexOf('## Hypotheses 2'), '```\n'), 'full');
  });

  it('re-parses in full when the block before the edit depended on the one before it', () => {
    const text = "Amy's view:\n- * \n\n## Next";
    assert.equal(editOnce(text, text.length, 'x'), 'full');
  });

  it('matches a full parse after random edits of short documents made of fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments, "Amy's view:", '3. ', '\n- * '), { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...fragments)), { minLength: 1, maxLength: 6 }), (parts, edits) => {
        const parser = new IncrementalParser();
        let text = `Start.\n\n${parts.join('')}`;
        parser.parse(text);
        for (const [at, insert] of edits) {
          const where = 1 + (at % text.length);
          text = text.slice(0, where) + insert + text.slice(where);
          same(parser.parse(text).tree, parseMarkdown(text), `after inserting ${JSON.stringify(insert)} at ${where}`);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('matches a full parse after any sequence of random edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(fc.constantFrom(...fragments), { maxLength: 4 }) }), { minLength: 1, maxLength: 8 }),
        (edits) => {
          const parser = new IncrementalParser();
          let text = generateCase(80, 3);
          parser.parse(text);
          for (const edit of edits) {
            const at = edit.at % (text.length + 1);
            text = text.slice(0, at) + edit.insert.join('') + text.slice(at + edit.remove);
            same(parser.parse(text).tree, parseMarkdown(text), `after editing at ${at}`);
          }
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
