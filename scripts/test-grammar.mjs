// TextMate grammar tests: our injection over Markdown's own grammar (from tm-grammars), every test/grammar/*.test.md.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['vscode-tmgrammar-test', '-g', 'node_modules/tm-grammars/grammars/markdown.json', 'test/grammar/*.test.md'], { encoding: 'utf8' });
// Markdown's grammar embeds dozens of languages we do not load; their "not found" lines are noise.
const output = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line && !/^grammar not found for|nodedir/.test(line));
console.log(output.join('\n'));
const passed = output.filter((l) => l.startsWith('✓')).length;
const failed = output.filter((l) => l.startsWith('✖')).length;
console.log(`grammar: ${passed} passing, ${failed} failing`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
