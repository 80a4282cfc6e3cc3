// Finding the settings file that governs a case file, with one stop rule for the CLI and the editor alike:
//
//   Look in the case file's folder, then in each folder above it, and take the first `.casemark.json`,
//   `.casemark.yaml` or `.casemark.yml` found (in that order within one folder). Stop after the first folder that
//   holds `.git` (the top of the project's repository), after the boundary folder when one is given (the editor's
//   workspace folder), or at the file system's root, whichever comes first.
//
// The adapters bring the file system (Node's for the CLI, workspace.fs for the editor), so this stays pure.
import type { PartialConfig } from '../model/settings';
import { readConfigText, type ConfigProblem } from './read';

export const settingsFileNames = ['.casemark.json', '.casemark.yaml', '.casemark.yml'] as const;

/** What discovery needs of a file system, by path. */
export interface SettingsFileSystem {
  /** The file's text, or undefined when there is no such file; other failures reject. */
  readText(path: string): Promise<string | undefined>;
  /** Whether the path names anything (file or folder): used for `.git`. */
  exists(path: string): Promise<boolean>;
}

export interface FoundSettings {
  path: string;
  text: string;
  config: PartialConfig;
  problems: ConfigProblem[];
}

function separatorOf(folder: string): string {
  return folder.includes('/') || !folder.includes('\\') ? '/' : '\\';
}

/** A name inside a folder, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const separator = separatorOf(folder);
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** The folder above, or undefined at a root (`/`, `C:\`, `//server/share/`). */
export function parentFolder(folder: string): string | undefined {
  const separator = separatorOf(folder);
  const trimmed = folder.length > 1 && folder.endsWith(separator) ? folder.slice(0, -1) : folder;
  const at = trimmed.lastIndexOf(separator);
  if (at < 0 || trimmed === separator || /^[A-Za-z]:$/.test(trimmed)) return undefined;
  const parent = trimmed.slice(0, at);
  if (parent === '') return separator;
  return /^[A-Za-z]:$/.test(parent) ? `${parent}${separator}` : parent;
}

function samePath(a: string, b: string): boolean {
  const separator = separatorOf(a);
  const strip = (p: string) => (p.length > 1 && p.endsWith(separator) ? p.slice(0, -1) : p);
  return strip(a) === strip(b);
}

/** Finds and reads settings files by the stop rule above; remembers each folder's answer until cleared. */
export class SettingsFinder {
  private readonly byFolder = new Map<string, Promise<FoundSettings | undefined>>();

  constructor(private readonly files: SettingsFileSystem) {}

  /** The settings for a case file in `folder`; `boundary` is the highest folder to look in (the workspace folder). */
  find(folder: string, boundary?: string): Promise<FoundSettings | undefined> {
    const key = `${folder}\n${boundary ?? ''}`;
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.lookIn(folder, boundary);
      this.byFolder.set(key, found);
    }
    return found;
  }

  /** Forget every answer: a settings file (or a `.git`) may have come or gone. */
  clear(): void {
    this.byFolder.clear();
  }

  /** One settings file by its path (`--config`); undefined when there is no such file. */
  async read(path: string): Promise<FoundSettings | undefined> {
    const text = await this.files.readText(path);
    return text === undefined ? undefined : { path, text, ...readConfigText(text) };
  }

  private async lookIn(folder: string, boundary: string | undefined): Promise<FoundSettings | undefined> {
    for (const name of settingsFileNames) {
      const found = await this.read(joinPath(folder, name));
      if (found) return found;
    }
    if ((boundary !== undefined && samePath(folder, boundary)) || (await this.files.exists(joinPath(folder, '.git')))) return undefined;
    const parent = parentFolder(folder);
    // Outside the boundary (a file beside the workspace, not in it) only the file's own folder counts.
    if (parent === undefined || (boundary !== undefined && !isWithin(parent, boundary))) return undefined;
    return this.find(parent, boundary);
  }
}

function isWithin(folder: string, boundary: string): boolean {
  const separator = separatorOf(boundary);
  return samePath(folder, boundary) || folder.startsWith(boundary.endsWith(separator) ? boundary : `${boundary}${separator}`);
}
