// `casemark lint --cache`: each file's messages kept under a hash of everything they depend on (CaseMark's version,
// the settings in force, the file's text), as ESLint's --cache does; an unchanged file is not analysed again.
// The cache file is CaseMark's own: an existing file that is not one is never written over.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { WireMessage } from '../core/index';
import { Outputs } from './output';

const signature = 'casemark-lint-cache';

interface CacheFile {
  format: typeof signature;
  version: string;
  entries: Record<string, { hash: string; messages: WireMessage[] }>;
}

export class LintCache {
  private entries: CacheFile['entries'] = {};
  private readonly used: CacheFile['entries'] = {};

  private constructor(
    readonly location: string,
    private readonly version: string,
  ) {}

  /** Opens the cache at `location`; refuses (with the reason) a file there that is not a CaseMark cache. */
  static async open(location: string, version: string): Promise<LintCache> {
    const cache = new LintCache(location, version);
    // Refused before any work, as every output is (src/cli/output.ts): a link, a folder, another kind of file.
    const refused = await new Outputs().refusal(location, true);
    if (refused) throw new Error(`not using ${location} as the lint cache: ${refused}`);
    let text: string | undefined;
    try {
      text = await readFile(location, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the cache ${location}: ${(error as Error).message}`, { cause: error });
    }
    if (text !== undefined) {
      let parsed: Partial<CacheFile> | undefined;
      try {
        parsed = JSON.parse(text) as Partial<CacheFile>;
      } catch {
        parsed = undefined;
      }
      if (parsed?.format !== signature) throw new Error(`${location} exists and is not a CaseMark lint cache; not writing over it (give another --cache-location)`);
      if (parsed.version === version && parsed.entries) cache.entries = parsed.entries;
    }
    return cache;
  }

  static hash(text: string, settings: unknown): string {
    return createHash('sha256').update(JSON.stringify(settings)).update('\0').update(text).digest('hex');
  }

  get(path: string, hash: string): WireMessage[] | undefined {
    const entry = this.entries[path];
    if (entry?.hash !== hash) return undefined;
    this.used[path] = entry;
    return entry.messages;
  }

  set(path: string, hash: string, messages: WireMessage[]): void {
    this.used[path] = { hash, messages };
  }

  /** Writes the cache: what this run found, over what was there; whole or not at all, and never through a link. */
  async save(): Promise<void> {
    const file: CacheFile = { format: signature, version: this.version, entries: { ...this.entries, ...this.used } };
    await new Outputs().write(this.location, JSON.stringify(file), true);
  }
}
