// Every file the CLI writes goes through here. An output never replaces an input (compared by device and inode,
// and by the real path of its folder, so a symlink, a hard link or another spelling of the same file is caught),
// is never written through a symlink, replaces an existing file only with --force, and appears whole or not at all:
// it is written to a temporary file in the same folder, then renamed (or linked, which refuses to replace).
import { constants } from 'node:fs';
import { link, lstat, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** What makes two paths one file. */
interface Identity {
  dev: number;
  ino: number;
}

const same = (a: Identity, b: Identity): boolean => a.dev === b.dev && a.ino === b.ino;

/** A name as the terminal should show it: control characters (a name starting with a line break) made visible. */
export function shownPath(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f\u202A-\u202E\u2066-\u2069]/u.test(name) ? JSON.stringify(name) : name;
}

export class OutputRefused extends Error {}

export class Outputs {
  private readonly inputs: Array<Identity & { label: string }> = [];
  private readonly inputPaths = new Map<string, string>();
  /** Outputs planned or written in this run: two outputs may not be one file either. */
  private readonly planned = new Set<string>();

  /** Remember a file that must never be written over (a case file read, an exercise). */
  async addInput(file: string, label = 'one of the files being read'): Promise<void> {
    const info = await stat(file).catch(() => undefined);
    if (info) this.inputs.push({ dev: info.dev, ino: info.ino, label });
    const real = await realpath(file).catch(() => path.resolve(file));
    this.inputPaths.set(real, label);
  }

  /**
   * Why `target` may not be written, or undefined when it may. Checked before any work, and again when writing.
   * `force` allows replacing an existing regular file that is not an input.
   */
  async refusal(target: string, force: boolean): Promise<string | undefined> {
    const absolute = path.resolve(target);
    const folder = await realpath(path.dirname(absolute)).catch(() => undefined);
    const real = folder ? path.join(folder, path.basename(absolute)) : absolute;
    const input = this.inputPaths.get(real);
    if (input) return `it is ${input}`;
    const info = await lstat(absolute).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) return 'it is a symbolic link; CaseMark never writes through a link (remove it or choose another name)';
    if (!info.isFile()) return 'it is not a regular file';
    const linked = this.inputs.find((one) => same(one, info));
    if (linked) return `it is ${linked.label} (another name for the same file)`;
    if (!force) return 'it exists; add --force to replace it';
    return undefined;
  }

  /** Claim a target for this run: false when another output of the run already has it. */
  claim(target: string): boolean {
    const key = path.resolve(target);
    if (this.planned.has(key)) return false;
    this.planned.add(key);
    return true;
  }

  /** Write `text` to `target`, whole or not at all; throws OutputRefused or the file system's error. */
  async write(target: string, text: string, force: boolean): Promise<void> {
    const refused = await this.refusal(target, force);
    if (refused) throw new OutputRefused(refused);
    const absolute = path.resolve(target);
    const folder = path.dirname(absolute);
    const temporary = path.join(folder, `.${path.basename(absolute).slice(0, 40)}.casemark-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
    // O_EXCL with O_NOFOLLOW: the temporary name is new, never a link someone placed.
    const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    try {
      await handle.writeFile(text);
      await handle.sync().catch(() => undefined);
    } finally {
      await handle.close();
    }
    try {
      if (force) {
        // Checked again just before: rename replaces a link itself (never its target), but an input stays an input.
        const again = await this.refusal(target, true);
        if (again) throw new OutputRefused(again);
        await rename(temporary, absolute);
      } else {
        // link() refuses to replace anything, even a file that appeared since the check.
        try {
          await link(temporary, absolute);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputRefused('it exists; add --force to replace it');
          throw error;
        }
        await unlink(temporary);
      }
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Make a folder and the folders above it, one step at a time, so that a folder that cannot be made is an error at
 * once (never a loop). Returns the reason when it cannot be made.
 */
export async function makeFolder(folder: string): Promise<string | undefined> {
  const absolute = path.resolve(folder);
  const steps: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    steps.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const step of steps) {
    const info = await stat(step).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) return `${shownPath(step)} is not a folder`;
      continue;
    }
    if (info.code !== 'ENOENT') return `cannot use ${shownPath(step)}: ${info.code ?? info.message}`;
    try {
      await mkdir(step);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      return `cannot create the folder ${shownPath(step)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the place above it cannot hold folders' : (code ?? (error as Error).message)}`;
    }
  }
  return undefined;
}
