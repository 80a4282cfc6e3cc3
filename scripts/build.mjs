// Bundles with esbuild: the CLI now; the extension's Node and web entries and the webview as they arrive.
import { build } from 'esbuild';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/cli.js',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __casemarkRequire } from 'node:module'; const require = __casemarkRequire(import.meta.url);" },
});
