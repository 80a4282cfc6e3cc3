// Inputs a user can produce by accident (issue 16), all under the 5 MB limit: each must finish, or stop, within budget.
import { generateCase } from './generate';

const front = '---\ncasemark: 1\n---\n\n# Case analysis\n\n';

function nestedList(depth: number): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}- level ${i + 1}`);
  return `${front}## Hypotheses\n\n${lines.join('\n')}\n`;
}

function hypothesisLines(count: number): string {
  const lines: string[] = [];
  for (let i = 1; lines.length < count; i++) {
    lines.push(`- H${i}: Sam may be worried about the move.`, `  - For: seen at the gate. (source: school)`, `  - Test: Ask about mornings.`);
  }
  return `${front}## Hypotheses\n\n${lines.slice(0, count).join('\n')}\n`;
}

export interface Pathological {
  name: string;
  text: string;
  /** The CLI command that meets it (genogram draws, share pseudonymises; lint for the rest). */
  command: 'lint' | 'genogram' | 'share';
}

/** The table, in its order. */
export function pathologicalInputs(): Pathological[] {
  const big = generateCase(150_000);
  const couples = Array.from({ length: 10_000 }, (_, i) => `p -- w${i}`).join('\n');
  return [
    { name: 'a 4.9 MB case file', text: big.slice(0, 4.9 * 1024 * 1024 - 1000), command: 'lint' },
    { name: '100,000 lines of hypotheses', text: hypothesisLines(100_000), command: 'lint' },
    { name: 'a list nested 1,000 deep', text: nestedList(1_000), command: 'lint' },
    { name: 'a list nested 2,200 deep', text: nestedList(2_200), command: 'lint' },
    { name: '24,000 nested emphasis markers', text: `${front}${'*a '.repeat(12_000)}b${' c*'.repeat(12_000)}\n`, command: 'lint' },
    { name: '2,000 lines of nested block quotes', text: `${front}${Array.from({ length: 2_000 }, (_, i) => `${'>'.repeat(i + 1)} quote ${i}`).join('\n')}\n`, command: 'lint' },
    { name: 'a genogram with one person in 10,000 couples', text: `${front}## Genogram\n\n\`\`\`genogram\np: Pat, female\n${couples}\n\`\`\`\n`, command: 'genogram' },
    { name: '100,000 lines, share', text: generateCase(100_000).slice(0, 4.9 * 1024 * 1024 - 1000), command: 'share' },
  ];
}
