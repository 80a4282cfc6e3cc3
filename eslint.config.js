// Flat config: typescript-eslint's recommended type-aware rules on our TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformImports = [{ group: ['vscode', 'node:*', 'fs', 'path', 'child_process', 'os'], message: 'this code runs in Node, browsers and web workers alike' }];

/** An import of one of these source folders, by a relative path (`../extension/documents`, `../../src/cli/main`). */
function adapterFolders(folders, message) {
  return { regex: `^\\.\\.?/(?:.*/)?(?:src/)?(?:${folders.join('|')})(?:/|$)`, message };
}

export default tseslint.config(
  { ignores: ['bench/out/**', 'dist/**', 'dist-test/**', 'test-artifacts/**', 'node_modules/**', 'test/harness/**', '.vscode-test/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Which folder may import which (docs/architecture.md; test/unit/architecture.test.ts checks the core's layers).
  {
    // The core runs in Node, the browser and a web worker: it must never reach for the editor, the OS or an adapter.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...platformImports, adapterFolders(['shared', 'extension', 'cli', 'webview'], 'the core is imported by the adapters, never the other way')] }],
    },
  },
  {
    // Shared by the extension, the webview and the Markdown preview: no editor, no OS, no DOM page, no adapter.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...platformImports, adapterFolders(['extension', 'cli', 'webview'], 'src/shared is below the adapters')] }],
    },
  },
  {
    // The webview pages talk to the extension by messages only: their protocol comes from src/shared.
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...platformImports, adapterFolders(['extension', 'cli'], 'a webview page takes its protocol from src/shared')] }],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [adapterFolders(['cli', 'webview'], 'the extension sends the webview data; the CLI is another adapter')] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['vscode'], message: 'the CLI runs without an editor' }, adapterFolders(['extension', 'shared', 'webview'], 'the CLI uses the core only')] }] },
  },
  {
    // The host test entries load the suite only after mocha has set up describe/it.
    files: ['test/host/*-entry.ts', 'test/host/*-entry.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // npm start's tests: mocha's globals, and a page script's fetch.
    files: ['test/serve/**/*.mjs'],
    languageOptions: { globals: { describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly', fetch: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', module: 'writable', require: 'readonly' } },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
