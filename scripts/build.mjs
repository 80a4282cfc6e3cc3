// Bundles with esbuild: the CLI, the extension's Node and web-worker entries (and the Node one's grading worker), the genogram preview's and the
// alternative viewpoint's webviews; writes the drawing's style sheet for the webview and the Markdown preview; then
// syncs the settings schema.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import { updateManifest } from './manifest.mjs';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', minifySyntax: true };
// The name tagger (compromise, a third of the core's size) once for the Node extension host, its analysis worker and
// its grading worker: each loads dist/name-tagger.cjs when it first needs it, rather than carrying a copy.
const sharedTagger = {
  name: 'shared-name-tagger',
  setup(build) {
    build.onResolve({ filter: /^compromise$/ }, () => ({ path: './name-tagger.cjs', external: true }));
  },
};
const nodeExtension = { ...common, platform: 'node', format: 'cjs', target: 'node20', minify: true, plugins: [sharedTagger] };

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
  // Desktop VS Code and VS Code Server: the Node extension host. Every bundle in the .vsix is minified, to keep it under 2 MB.
  build({ ...nodeExtension, entryPoints: ['src/extension/node.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  // Its cohort-grading worker thread: the core's rubric checks only.
  build({ ...nodeExtension, entryPoints: ['src/extension/grade-worker.ts'], outfile: 'dist/grade-worker.cjs' }),
  // Its analysis worker thread: the core's analyse() for open documents.
  build({ ...nodeExtension, entryPoints: ['src/extension/analysis-worker.ts'], outfile: 'dist/analysis-worker.cjs' }),
  // The name tagger the three share.
  build({ ...common, entryPoints: ['src/extension/name-tagger.cjs'], outfile: 'dist/name-tagger.cjs', platform: 'node', format: 'cjs', target: 'node20', minify: true, sourcemap: false }),
  // VS Code for the Web: the web worker extension host, no Node built-ins.
  // The `worker` condition first: some packages' `browser` builds reach for `document`, which a worker lacks.
  build({ ...common, entryPoints: ['src/extension/web.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', conditions: ['worker'], format: 'cjs', target: 'es2022', external: ['vscode'], minify: true }),
  // Its analysis worker: a Web Worker the web host's own worker starts (minified: it ships in the .vsix).
  build({ ...common, entryPoints: ['src/extension/analysis-web-worker.ts'], outfile: 'dist/web/analysis-worker.js', platform: 'browser', conditions: ['worker'], format: 'iife', target: 'es2022', minify: true }),
  // The genogram preview's page script: the core's reader and drawer and the vscode-elements it uses, one file.
  build({ ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true }),
  // The alternative viewpoint's panel: builds the page from the Viewpoint data it is sent; vscode-elements' button.
  build({ ...common, entryPoints: ['webview/viewpoint.ts'], outfile: 'dist/webview/viewpoint.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true }),
]);

// The drawing's classes, styled with VS Code's theme variables: loaded by the preview webview, and by the built-in
// Markdown preview (markdown.previewStyles) with a few rules for the block around each drawing.
mkdirSync('dist/webview', { recursive: true });
copyFileSync('webview/preview.css', 'dist/webview/preview.css');
copyFileSync('webview/viewpoint.css', 'dist/webview/viewpoint.css');
copyFileSync('webview/mapping.css', 'dist/webview/mapping.css');
const genogramCss = existsSync('src/core/genogram/style.ts') ? (await tsImport('../src/core/genogram/style.ts', import.meta.url)).genogramCss : undefined;
if (typeof genogramCss !== 'string') console.warn('build: src/core/genogram/style.ts has no genogramCss yet; drawings are unstyled');
writeFileSync('dist/webview/genogram.css', genogramCss ?? '');
writeFileSync(
  'dist/genogram.css',
  `${genogramCss ?? ''}\n/* The Markdown preview's block around each drawing. */\n.casemark-diagram { margin: 0 0 16px; overflow-x: auto; }\n.casemark-diagram svg { max-width: 100%; height: auto; }\n`,
);

const { rules } = await tsImport('../src/core/rules/index.ts', import.meta.url);
updateManifest(rules);
