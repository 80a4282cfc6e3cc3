// Which files to lint, and reading them safely: missing, unreadable, binary and over-size files become reasons, not crashes.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeCaseFile, overSizeReason, type ReadResult } from '../core/exercise/cohort';

const ignore = ['**/node_modules/**', '**/.git/**'];

export interface Target {
  path: string;
  /** Set when the path named on the command line matched nothing. */
  missing?: boolean;
}

/** Expand command-line paths: folders to their case files, globs to their matches, files as named. */
export async function expandPaths(args: string[], cwd: string): Promise<Target[]> {
  if (args.length === 0) return (await glob('**/*.case.md', { cwd, ignore, dot: false })).sort().map((p) => ({ path: p }));
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(cwd, p);
    if (!seen.has(key)) {
      seen.add(key);
      targets.push({ path: p });
    }
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = (await glob(arg, { cwd, ignore })).sort();
      if (matches.length === 0) targets.push({ path: arg, missing: true });
      matches.forEach(add);
      continue;
    }
    const info = await stat(path.resolve(cwd, arg)).catch(() => undefined);
    if (info?.isDirectory()) {
      const folder = path.relative(cwd, path.resolve(cwd, arg)) || '.';
      const matches = (await glob('**/*.case.md', { cwd: path.resolve(cwd, arg), ignore })).sort();
      if (matches.length === 0) targets.push({ path: arg, missing: true });
      matches.forEach((m) => add(path.join(folder, m)));
    } else {
      add(arg);
    }
  }
  return targets;
}

export type { ReadResult };

export async function readCaseFile(file: string): Promise<ReadResult> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    // Checked before reading, so a huge file is never read in.
    const overSize = overSizeReason(info.size);
    if (overSize) return { ok: false, reason: overSize };
    return decodeCaseFile(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, reason };
  }
}
