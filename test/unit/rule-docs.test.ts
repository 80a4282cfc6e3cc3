// The rule pages against the rules: their generated parts are up to date (`npm run docs`), and every example on every
// page does what the page says, down to the lines it names.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Code, Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyse, rules, type Rule } from '../../src/core/index';
import { updateIndex, updatePage } from '../../scripts/rule-docs';

const docs = resolve(import.meta.dirname, '../../docs/rules');
const page = (id: string) => readFileSync(resolve(docs, `${id}.md`), 'utf8');

interface Example {
  kind: 'prompts' | 'does not';
  code: string;
  /** The lines the page says CaseMark prompts at, when it names them. */
  lines?: number[];
}

/** The claimed lines in "CaseMark prompts at line 4" / "at lines 4 and 5" / "at lines 3, 4 and 6". */
export function claimedLines(text: string): number[] | undefined {
  const match = /prompts at lines? (\d+(?:(?:, | and )\d+)*)/.exec(text);
  return match ? (match[1] as string).split(/, | and /).map(Number) : undefined;
}

/** The page's "This prompts" and "This does not" sections: the example in each, and what its prose claims. */
export function examplesOf(markdown: string): Example[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const examples: Example[] = [];
  let current: { kind: Example['kind']; nodes: RootContent[] } | undefined;
  const close = (): void => {
    if (!current) return;
    const code = current.nodes.find((n): n is Code => n.type === 'code' && n.lang === 'markdown');
    assert.ok(code, `“This ${current.kind}” has a \`\`\`markdown example`);
    const prose = current.nodes.filter((n) => n.type === 'paragraph').map((n) => toString(n)).join(' ');
    examples.push({ kind: current.kind, code: code.value, lines: claimedLines(prose) });
    current = undefined;
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 3) {
      close();
      const title = toString(node as Heading);
      if (node.depth === 3 && /^This prompts/.test(title)) current = { kind: 'prompts', nodes: [] };
      else if (node.depth === 3 && /^This does not/.test(title)) current = { kind: 'does not', nodes: [] };
    } else current?.nodes.push(node);
  }
  close();
  return examples;
}

function linesReported(rule: Rule, text: string): number[] {
  return analyse(text, { path: `docs/rules/${rule.id}.example.case.md` })
    .messages.filter((m) => m.ruleId === rule.id)
    .map((m) => m.line ?? 0);
}

describe('rule docs: generated from the registry', () => {
  it('has one page per rule and no page without a rule', () => {
    const pages = readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), rules.map((r) => r.id).sort());
  });

  for (const rule of rules) {
    it(`${rule.id}: the page's header and options are up to date (run npm run docs)`, () => {
      assert.ok(existsSync(resolve(docs, `${rule.id}.md`)), `docs/rules/${rule.id}.md exists`);
      const text = page(rule.id);
      assert.equal(text, updatePage(text, rule));
    });
  }

  it('the README table is up to date (run npm run docs)', () => {
    const text = page('README');
    assert.equal(text, updateIndex(text, rules));
  });

  it('notices a stale page, and refuses one without its markers', () => {
    const rule = rules[0] as Rule;
    const text = page(rule.id);
    const stale = text.replace(rule.description, 'Something else.');
    assert.notEqual(stale, text);
    assert.notEqual(updatePage(stale, rule), stale);
    assert.throws(() => updatePage(`# ${rule.id}\n`, rule), /no generated part/);
    assert.throws(() => updatePage(text.replace(/^# .*\n/, '# Another rule\n'), rule), /should open with/);
  });
});

describe('rule docs: every example does what its page says', () => {
  it('reads the claims the pages make', () => {
    assert.deepEqual(claimedLines('CaseMark prompts at lines 4 and 5.'), [4, 5]);
    assert.deepEqual(claimedLines('CaseMark prompts at lines 3, 4 and 6.'), [3, 4, 6]);
    assert.deepEqual(claimedLines('CaseMark prompts at line 9, on the fence.'), [9]);
    assert.equal(claimedLines('Three warnings.'), undefined);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const examples = examplesOf(page(rule.id));

      it('has an example that prompts and one that does not', () => {
        assert.deepEqual(examples.map((e) => e.kind).sort(), ['does not', 'prompts']);
      });

      for (const example of examples) {
        it(example.kind === 'prompts' ? `prompts${example.lines ? ` at line ${example.lines.join(', ')}` : ''}` : 'does not prompt', () => {
          const lines = linesReported(rule, example.code);
          if (example.kind === 'does not') assert.deepEqual(lines, [], `“This does not” prompts ${rule.id} at line ${lines.join(', ')}`);
          else if (example.lines) assert.deepEqual([...new Set(lines)].sort((a, b) => a - b), example.lines);
          else assert.ok(lines.length > 0, `“This prompts” does not prompt ${rule.id}`);
        });
      }
    });
  }
});
