// Flat config: typescript-eslint's recommended type-aware rules on our TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // The core runs in Node, the browser and a web worker: it must never reach for the editor or the OS.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', 'node:*', 'fs', 'path', 'child_process', 'os'] }],
    },
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
