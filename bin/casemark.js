#!/usr/bin/env node
// The CLI is bundled by `npm run build` (run on install by `prepare`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('casemark: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
await import(bundle.href);
