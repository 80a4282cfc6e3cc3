// A file's `.casemark.json` / `.casemark.yaml`, found by the core's one stop rule (src/core/config/discover.ts) on
// Node's file system, or the one given with --config for every file.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SettingsFinder, type FoundSettings, type SettingsFileSystem } from '../core/index';

export type LoadedConfig = FoundSettings;

const nodeFiles: SettingsFileSystem = {
  readText: (file) =>
    readFile(file, 'utf8').then(
      (text) => text,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw new Error(`cannot read config ${file}: ${error.message}`);
      },
    ),
  exists: (file) => access(file).then(
    () => true,
    () => false,
  ),
};

export class ConfigFinder {
  private readonly finder = new SettingsFinder(nodeFiles);
  private given: Promise<LoadedConfig> | undefined;

  /** The config for a file, or the one given with --config for every file. */
  constructor(private readonly explicit?: string) {}

  forFile(file: string): Promise<LoadedConfig | undefined> {
    if (!this.explicit) return this.finder.find(path.dirname(path.resolve(file)));
    const explicit = path.resolve(this.explicit);
    this.given ??= this.finder.read(explicit).then((loaded) => {
      if (!loaded) throw new Error(`cannot read config ${explicit}: no such file`);
      return loaded;
    });
    return this.given;
  }
}
