// Runs the independent geometry audit (genogram-audit.py, kept outside the repo in ../shared/tools) over drawn
// SVGs. It reads only the drawing, so it sees what a reader sees; see the script's header for what it counts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AuditResult {
  file: string;
  people: number;
  kin_lines: number;
  rel_lines: number;
  sibships: number;
  through: string[];
  crossings: number;
  parallels: number;
  intruders: string[];
  far: string[];
}

/** The audit script: $GENOGRAM_AUDIT, else ../shared/tools beside the repo (or beside the repo's worktree folder). */
export function auditScript(): string {
  const candidates = [process.env.GENOGRAM_AUDIT, join(repoRoot, '../shared/tools/genogram-audit.py'), join(repoRoot, '../../shared/tools/genogram-audit.py')];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error(`the genogram audit is missing: looked for ${candidates.filter(Boolean).join(', ')} (set GENOGRAM_AUDIT to its path)`);
  return found;
}

/** Writes each SVG into `folder` and audits them all in one run of the script. */
export function auditSvgs(folder: string, svgs: Array<{ name: string; svg: string }>): Map<string, AuditResult> {
  const script = auditScript();
  mkdirSync(folder, { recursive: true });
  const files = svgs.map(({ name, svg }) => {
    const file = join(folder, `${name}.svg`);
    writeFileSync(file, svg);
    return file;
  });
  const out = execFileSync('python3', [script, ...files, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const results = new Map<string, AuditResult>();
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const r = JSON.parse(line) as AuditResult;
    const name = svgs[files.indexOf(r.file)]?.name;
    if (name !== undefined) results.set(name, r);
  }
  if (results.size !== svgs.length) throw new Error(`the audit answered for ${results.size} of ${svgs.length} drawings:\n${out}`);
  return results;
}
