// The parts of the rule pages (docs/rules/<id>.md) and of their index (docs/rules/README.md) that the rule registry
// already says: each page's header (id, alias, category, severity, description) and options table, and the index's
// table. `npm run docs` writes them; test/unit/rule-docs.test.ts fails when a page is stale. Everything outside the
// markers is the page's own prose.
import type { Rule } from '../src/core/rules/rule';

const headerStart = (rule: Rule) => `<!-- Generated from src/core/rules/${rule.id}.ts by \`npm run docs\`: edit the rule, not this header. -->`;
const headerEnd = '<!-- End of the generated header. -->';
const optionsStart = '<!-- Generated from the rule by `npm run docs`. -->';
const optionsEnd = '<!-- End of the generated options. -->';
const tableStart = '<!-- Generated from the rule registry by `npm run docs`. -->';
const tableEnd = '<!-- End of the generated table. -->';

export function severityText(rule: Rule): string {
  return rule.defaultForText ? `${rule.defaultSeverity} (${rule.defaultForText})` : rule.defaultSeverity;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function pageHeader(rule: Rule): string {
  return [
    headerStart(rule),
    `- **Alias:** \`${rule.alias}\``,
    `- **Category:** ${rule.category}`,
    `- **Default severity:** ${severityText(rule)}`,
    '',
    rule.description,
    headerEnd,
  ].join('\n');
}

export function optionsTable(rule: Rule): string {
  const options = Object.entries(rule.options);
  if (options.length === 0) return [optionsStart, 'None.', optionsEnd].join('\n');
  return [
    optionsStart,
    '| Option | Type | Default | What it does |',
    '|---|---|---|---|',
    ...options.map(([name, spec]) => {
      const type = spec.type === 'number' ? 'number' : 'list of words and phrases';
      const defaults = Array.isArray(spec.default) ? spec.default.join(', ') : String(spec.default);
      return `| \`${name}\` | ${type} | ${cell(defaults)} | ${cell(spec.description)} |`;
    }),
    optionsEnd,
  ].join('\n');
}

export function indexTable(rules: readonly Rule[]): string {
  return [
    tableStart,
    '| Rule | Alias | Category | Default severity | What it asks about |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](${r.id}.md) | \`${r.alias}\` | ${r.category} | ${severityText(r)} | ${cell(r.description)} |`),
    tableEnd,
  ].join('\n');
}

/** Replaces what lies between two markers (markers included), or says where the page lacks them. */
function between(text: string, start: string, end: string, content: string, what: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from === -1 || to === -1) throw new Error(`${what}: no generated part between "${start}" and "${end}"`);
  return text.slice(0, from) + content + text.slice(to + end.length);
}

/** The page with its header and options made from the rule. A page without the markers is refused, never guessed at. */
export function updatePage(text: string, rule: Rule): string {
  if (!text.startsWith(`# ${rule.id}\n`)) throw new Error(`docs/rules/${rule.id}.md: should open with "# ${rule.id}"`);
  const withHeader = between(text, headerStart(rule), headerEnd, pageHeader(rule), `docs/rules/${rule.id}.md`);
  return between(withHeader, optionsStart, optionsEnd, optionsTable(rule), `docs/rules/${rule.id}.md`);
}

export function updateIndex(text: string, rules: readonly Rule[]): string {
  return between(text, tableStart, tableEnd, indexTable(rules), 'docs/rules/README.md');
}

/** A first page for a new rule: the generated parts and the headings its prose fills in. */
export function newPage(rule: Rule): string {
  return `# ${rule.id}\n\n${pageHeader(rule)}\n\n## Why\n\n## What it checks\n\n## Prompts like this\n\n## Examples\n\n### This prompts\n\n### This does not\n\n## Options\n\n${optionsTable(rule)}\n\n## Turning it off\n`;
}
