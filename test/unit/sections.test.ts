// Parsing a long document section by section must give exactly the tree one whole parse gives.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { generateCase, generateHypothesisList } from '../../bench/generate';
import { parseMarkdown, parseWhole, sectionStarts } from '../../src/core/parse/markdown';

const require = createRequire(import.meta.url);
const examples = (require('commonmark-spec') as { tests: Array<{ markdown: string }> }).tests.map((t) => t.markdown);
// Link reference definitions switch sectioning off, so examples with them would test nothing here.
const sectionable = examples.filter((m) => !m.includes(']:'));

function same(text: string): void {
  assert.deepEqual(JSON.parse(JSON.stringify(parseMarkdown(text))), JSON.parse(JSON.stringify(parseWhole(text))));
}

const long = 'A paragraph long enough to make each section worth parsing on its own, with some words. '.repeat(100);

describe('sectioned parsing', function () {
  this.timeout(120_000);

  it('splits a long case analysis and gives the same tree as one parse', () => {
    for (const lines of [1_500, 3_000]) {
      const text = generateCase(lines);
      assert.ok(sectionStarts(text).length > 3, 'the document is really split');
      same(text);
      same(text.replace(/\n/g, '\r\n'));
    }
  });

  it('never splits inside a fence, a multi-line HTML block or the frontmatter', () => {
    const padding = `${long}\n\n${long}`;
    const fenced = `${padding}\n\n\`\`\`\n${padding}\n\n# not a heading\n\`\`\`\n\n# Heading\n\n${padding}\n`;
    assert.deepEqual(sectionStarts(fenced).map((s) => fenced.slice(s.offset, s.offset + 9)), [padding.slice(0, 9), '# Heading']);
    same(fenced);
    const comment = `${padding}\n\n<!--\n${padding}\n\n# inside a comment\n-->\n\n# Heading\n\n${padding}\n`;
    assert.equal(sectionStarts(comment).length, 2);
    same(comment);
    const yaml = `---\ncasemark: 1\n\n# a YAML comment\npeople: []\n---\n\n${padding}\n\n# Heading\n\n${padding}\n`;
    assert.ok(sectionStarts(yaml).every((s) => s.offset === 0 || yaml.slice(s.offset).startsWith('# Heading')));
    same(yaml);
  });

  it('stops splitting after an indented fence, which a list item may close unseen', () => {
    const padding = `${long}\n\n${long}`;
    const text = `${padding}\n\n# One\n\n${padding}\n\n- item\n\n  \`\`\`\n  code\n\`\`\`\n${padding}\n\n# Two\n\n${padding}\n\n\`\`\`\n`;
    const fence = text.indexOf('  ```');
    // Before the fence: the heading, and the list item (which closes every container as a heading does).
    assert.deepEqual(sectionStarts(text).slice(1).map((s) => text.slice(s.offset, s.offset + 6)), ['# One\n', '- item']);
    assert.ok(sectionStarts(text).every((s) => s.offset < fence), 'no split after the indented fence');
    same(text);
  });

  it('parses in one piece when link definitions could reach across sections', () => {
    const padding = `${long}\n\n${long}\n\n${long}`;
    const text = `${padding}\n\n[x]: https://example.org\n\n# Heading\n\n[x]\n\n${padding}`;
    assert.equal(sectionStarts(text).length, 1);
    same(text);
  });

  it('matches one whole parse for any mix of CommonMark examples between headings', () => {
    let splits = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ example: fc.constantFrom(...sectionable), heading: fc.constantFrom('# A', '## B', '###### C', '#no', '  # D', 'E\n===', ''), blank: fc.boolean() }), { minLength: 2, maxLength: 8 }),
        (parts) => {
          const text = parts.map((p) => `${p.example}${p.blank ? '\n' : ''}${long}\n${p.blank ? '\n' : ''}${p.heading}\n`).join('');
          splits += sectionStarts(text).length - 1;
          same(text);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
    assert.ok(splits > 200, `the mixes were really split (${splits} splits)`);
  });

  it('splits one long hypothesis list item by item and gives the same tree, tight or loose', () => {
    const text = generateHypothesisList(300);
    assert.ok(sectionStarts(text).filter((s) => s.item).length > 3, 'the list is really split');
    same(text);
    same(text.replace(/\n- H/g, '\n\n- H'));
    same(text.replace(/\n/g, '\r\n'));
  });

  it('joins a part into the list before it only when the bullet is the same', () => {
    const items = (marker: string, n: number) => Array.from({ length: n }, (_, i) => `${marker} item ${i} ${long.slice(0, 200)}`).join('\n');
    const text = `${items('-', 60)}\n${items('*', 60)}\n${items('-', 60)}\n`;
    assert.ok(sectionStarts(text).length > 2);
    same(text);
    assert.equal(parseMarkdown(text).children.filter((n) => n.type === 'list').length, 3);
  });

  it('matches one whole parse for any mix of CommonMark examples between bullet items', () => {
    let splits = 0;
    const item = `- An item long enough to make each part worth parsing on its own. ${long.slice(0, 1_000)}`;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            example: fc.constantFrom(...sectionable),
            bullet: fc.constantFrom('- x', '* y', '+ z', '- - -', '-', '1. one', '  - nested', '-\tt'),
            blank: fc.boolean(),
            indent: fc.constantFrom('', '  ', '    '),
          }),
          { minLength: 2, maxLength: 8 },
        ),
        (parts) => {
          const text = parts
            .map((p) => `${item}\n${p.indent}${p.example.replace(/\n/g, `\n${p.indent}`)}${p.blank ? '\n' : ''}${item}\n${item}\n${item}\n${item}\n${item}\n${item}\n${item}\n${p.bullet}\n`)
            .join('');
          splits += sectionStarts(text).length - 1;
          same(text);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
    assert.ok(splits > 200, `the mixes were really split (${splits} splits)`);
  });
});
