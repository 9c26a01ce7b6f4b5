// Import boundaries per layer back up the per-folder tsconfigs (see the README's architecture section).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url'];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      '.tsbuild',
      'test-results',
      'playwright-report',
      '.stryker-tmp',
      'reports',
      '.electron-natives',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'zustand'],
        message: 'shared/ is the contract: no runtime-specific imports.',
      },
      { group: ['../electron/*', '../renderer/*', '../e2e/*'], message: 'shared/ imports nothing outside itself.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict([
      {
        group: ['electron', 'react', 'react-dom', 'zustand'],
        message: 'The core runs without Electron and without a DOM.',
      },
      {
        group: ['**/main/*', '**/preload/*', '**/web/*', '**/renderer/*'],
        message: 'The core does not know its transports.',
      },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/secrets/keytar-secret-store.ts', 'electron/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'keytar', message: 'Only secrets/keytar-secret-store.ts talks to the keychain.' }],
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'zustand'],
              message: 'The core runs without Electron and without a DOM.',
            },
            {
              group: ['**/main/*', '**/preload/*', '**/web/*', '**/renderer/*'],
              message: 'The core does not know its transports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: restrict([
      {
        group: ['electron', 'react', 'react-dom', 'zustand', 'keytar', 'better-sqlite3'],
        message: 'The web host is glue: it calls the core, nothing else.',
      },
      {
        group: ['**/main/*', '**/preload/*', '**/renderer/*'],
        message: 'The web host does not know the Electron transport or the UI.',
      },
    ]),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict([
      {
        group: ['react', 'react-dom', 'zustand', 'keytar', 'better-sqlite3'],
        message: 'Electron glue calls the core; it holds no business rules.',
      },
      { group: ['**/web/*', '**/renderer/*'], message: 'Electron glue does not know the web host or the UI.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'api', message: 'Only renderer/src/api.ts touches window.api; use its `api`.' },
      ],
    },
  },
  {
    // Test support (a `test-support/` folder per layer) and test data (`fixtures/`) are for tests only: code that ships
    // never imports them, so nothing test-only can reach the renderer's bundle or the app. A separate rule from the
    // layers' no-restricted-imports, which a second entry for the same rule would replace.
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/test-support/**', '**/fixtures/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)(test-support|fixtures)\\//]',
          message: 'Test support and fixtures are imported by tests only.',
        },
        {
          selector: 'ImportExpression[source.value=/(^|\\/)(test-support|fixtures)\\//]',
          message: 'Test support and fixtures are imported by tests only.',
        },
      ],
    },
  },
  {
    // Playwright fixtures that depend on nothing are declared with an empty destructuring pattern.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        {
          group: [...nodeBuiltins, 'electron', 'keytar', 'better-sqlite3', 'ws'],
          message: 'The renderer is a web page: no Node, no Electron.',
        },
        { group: ['**/electron/*', '**/e2e/*'], message: 'The renderer talks to the app only through src/api.ts.' },
      ]),
    },
  },
);
