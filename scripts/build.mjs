// Bundles with esbuild: the CLI, the extension's Node and web-worker entries; then syncs the settings schema.
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';
import { updateManifest } from './manifest.mjs';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', minifySyntax: true };

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __casemarkRequire } from 'node:module'; const require = __casemarkRequire(import.meta.url);" },
  }),
  // Desktop VS Code and VS Code Server: the Node extension host.
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] }),
  // VS Code for the Web: the web worker extension host, no Node built-ins.
  // The `worker` condition first: some packages' `browser` builds reach for `document`, which a worker lacks.
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', conditions: ['worker'], format: 'cjs', target: 'es2022', external: ['vscode'] }),
]);

const { rules } = await tsImport('../src/core/rules/index.ts', import.meta.url);
updateManifest(rules);
