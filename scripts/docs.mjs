// `npm run docs`: writes the generated parts of docs/rules/*.md and docs/rules/README.md from the rule registry
// (see scripts/rule-docs.ts); a new rule gets a first page to fill in. Prints what it changed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { rules } = await tsImport('../src/core/rules/index.ts', import.meta.url);
const { newPage, updateIndex, updatePage } = await tsImport('./rule-docs.ts', import.meta.url);

const write = (path, text) => {
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before === text) return;
  writeFileSync(path, text);
  console.log(`docs: wrote ${path}`);
};
for (const rule of rules) {
  const path = `docs/rules/${rule.id}.md`;
  write(path, existsSync(path) ? updatePage(readFileSync(path, 'utf8'), rule) : newPage(rule));
}
write('docs/rules/README.md', updateIndex(readFileSync('docs/rules/README.md', 'utf8'), rules));
