// Finding a file's `.casemark.json` / `.casemark.yaml`: the nearest one upward from the file's folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfigText, type ConfigProblem, type PartialConfig } from '../core/index';

export const configNames = ['.casemark.json', '.casemark.yaml', '.casemark.yml'];

export interface LoadedConfig {
  path: string;
  text: string;
  config: PartialConfig;
  problems: ConfigProblem[];
}

export class ConfigFinder {
  private readonly byFolder = new Map<string, Promise<LoadedConfig | undefined>>();

  /** The config for a file, or the one given with --config for every file. */
  constructor(private readonly explicit?: string) {}

  forFile(file: string): Promise<LoadedConfig | undefined> {
    if (this.explicit) return this.load(path.resolve(this.explicit), true);
    return this.inFolder(path.dirname(path.resolve(file)));
  }

  private inFolder(folder: string): Promise<LoadedConfig | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = (async () => {
        for (const name of configNames) {
          const loaded = await this.load(path.join(folder, name), false);
          if (loaded) return loaded;
        }
        const parent = path.dirname(folder);
        return parent === folder ? undefined : this.inFolder(parent);
      })();
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private readonly loaded = new Map<string, Promise<LoadedConfig | undefined>>();

  private load(file: string, required: boolean): Promise<LoadedConfig | undefined> {
    let result = this.loaded.get(file);
    if (!result) {
      result = readFile(file, 'utf8').then(
        (text) => ({ path: file, text, ...readConfigText(text) }),
        (error: NodeJS.ErrnoException) => {
          if (!required && error.code === 'ENOENT') return undefined;
          throw new Error(`cannot read config ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
        },
      );
      this.loaded.set(file, result);
    }
    return result;
  }
}
