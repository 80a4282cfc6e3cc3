// Which files to lint, and reading them safely: missing, unreadable, binary, over-size, device and pipe files
// become reasons, not crashes or hangs. Folder walks never follow a symbolic link out of the folder given.
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeCaseFile, maxCaseFileBytes, overSizeReason, type ReadResult } from '../core/exercise/cohort';
import { shownPath } from './output';

const skippedFolders = new Set(['node_modules', '.git']);
const caseFileName = /\.case\.md$/;

export interface Target {
  path: string;
  /** Set when the path named on the command line matched nothing. */
  missing?: boolean;
}

export interface Walk {
  /** Paths relative to the walked folder, sorted. */
  files: string[];
  /** One line per symbolic link not followed, and per folder that could not be read. */
  notes: string[];
}

/**
 * Every *.case.md under a folder, without following symbolic links (each one skipped is noted once) and without
 * hidden folders, node_modules or .git. Names with any characters, line breaks included, are found.
 */
export async function walkCaseFiles(folder: string, shown = folder): Promise<Walk> {
  const files: string[] = [];
  const notes: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(folder, relative), { withFileTypes: true });
    } catch (error) {
      notes.push(`cannot read the folder ${shownPath(path.join(shown, relative))}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = path.join(relative, entry.name);
      if (entry.isSymbolicLink()) {
        if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) continue;
        notes.push(`not following the symbolic link ${shownPath(path.join(shown, name))} (name its target on the command line to read it)`);
      } else if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name)) await visit(name);
      } else if (caseFileName.test(entry.name) && !entry.name.startsWith('.')) {
        files.push(name);
      }
    }
  };
  await visit('');
  return { files: files.sort(), notes };
}

/** Expand command-line paths: folders to their case files, globs to their matches, files as named. */
export async function expandPaths(args: string[], cwd: string, note: (line: string) => void = () => undefined): Promise<Target[]> {
  if (args.length === 0) {
    const walk = await walkCaseFiles(cwd, '.');
    walk.notes.forEach(note);
    return walk.files.map((p) => ({ path: p }));
  }
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
      const matches = (await glob(arg, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false })).sort();
      const kept: string[] = [];
      for (const match of matches) {
        // A glob is a walk too: a link it matches is not followed.
        const info = await lstat(path.resolve(cwd, match)).catch(() => undefined);
        if (info?.isSymbolicLink()) note(`not following the symbolic link ${shownPath(match)} (name it on its own to read it)`);
        else kept.push(match);
      }
      if (kept.length === 0) targets.push({ path: arg, missing: true });
      kept.forEach(add);
      continue;
    }
    const info = await stat(path.resolve(cwd, arg)).catch(() => undefined);
    if (info?.isDirectory()) {
      const folder = path.relative(cwd, path.resolve(cwd, arg)) || '.';
      const walk = await walkCaseFiles(path.resolve(cwd, arg), folder);
      walk.notes.forEach(note);
      if (walk.files.length === 0) targets.push({ path: arg, missing: true });
      walk.files.forEach((m) => add(path.join(folder, m)));
    } else {
      add(arg);
    }
  }
  return targets;
}

export type { ReadResult };

export interface ReadFile {
  ok: true;
  text: string;
  /** The file as opened, to keep outputs from replacing it. */
  info: Stats;
  real: string;
}

/**
 * A case file's text, or why not. Only a regular file is read (a device, pipe or socket is refused without
 * waiting: it is opened non-blocking), and never more than the size limit, whatever its size was said to be.
 */
export async function readCaseFile(file: string): Promise<ReadFile | { ok: false; reason: string }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: errorReason(error) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    if (!info.isFile()) return { ok: false, reason: 'is not a regular file (a device, pipe or socket); CaseMark reads only files' };
    const overSize = overSizeReason(info.size);
    if (overSize) return { ok: false, reason: overSize };
    // The size said may be wrong (0 for files under /proc) or change while reading: stop one byte past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      // Sized to the file (one byte over, to see its end in one read) when its size is known; only what was read is kept.
      const chunk = Buffer.allocUnsafe(Math.min(length === 0 && info.size > 0 ? info.size + 1 : 64 * 1024, maxCaseFileBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxCaseFileBytes) return { ok: false, reason: 'is over the 5 MB limit for a case file' };
    }
    const decoded = decodeCaseFile(Buffer.concat(chunks, length));
    if (!decoded.ok) return decoded;
    const real = await realpath(file).catch(() => path.resolve(file));
    return { ok: true, text: decoded.text, info, real };
  } catch (error) {
    return { ok: false, reason: errorReason(error) };
  } finally {
    await handle.close();
  }
}

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'is a loop of symbolic links' : (error as Error).message;
}
