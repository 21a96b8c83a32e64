// Lint rules that guard the architecture (see ../shared/docs/architecture.md):
// Lint rules that guard the architecture (see ../shared/docs/architecture.md):
// only the Electron shell (electron/main, electron/preload) may import 'electron'; the contract
// imports only zod; the core imports neither a host nor the emulator (a host plugs the demo's
// emulator in as a port); the emulator imports neither the core nor a host; the two hosts
// (electron/main, electron/webhost) do not import each other, and electron/hostShared (what both
// use) imports neither; code outside the store reaches it only through its interface; the
// renderer may reach into electron/ only through the contract.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// All SQL lives in electron/core/store: the rest of the app sees its interface (store/index.ts),
// never its inner files, so nothing outside it reaches the raw connection (store/connection.ts).
// Tests are white-box and may import the store's inner files.
const storeInternals = {
  regex: '(^|/)store/(?!index(\\.ts)?$)',
  message:
    "Outside electron/core/store, import the store only through its interface ('…/store', i.e. store/index.ts); its inner files (and the SQL connection) are its own.",
};

const electronImport = {
  regex: '^electron(/.*)?$',
  message: "Only electron/main and electron/preload may import 'electron'; keep everything else plain Node.",
};

/**
 * A layer of electron/ that must not import 'electron' nor climb (by a relative import) into the
 * sibling folders named in `forbidden`.
 */
const layer = (files, forbidden, message, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          electronImport,
          storeInternals,
          { regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`, message },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      'release/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [electronImport] }],
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/core/store/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronImport, storeInternals] }] },
  },
  layer(
    ['electron/core/**'],
    ['emulator', 'hostShared', 'main', 'preload', 'webhost'],
    'The core is plain TypeScript for every host: a host passes the emulator or any host service in through a port.',
  ),
  layer(
    ['electron/emulator/**'],
    ['core', 'hostShared', 'main', 'preload', 'webhost'],
    'The emulator stands in for WeChat: it imports neither the core nor a host (the contract only).',
  ),
  layer(
    ['electron/hostShared/**'],
    ['main', 'preload', 'webhost'],
    'electron/hostShared holds what both hosts use; it imports neither of them.',
  ),
  layer(
    ['electron/webhost/**'],
    ['main', 'preload'],
    'The browser host does not import the Electron host: what both need lives in electron/hostShared.',
  ),
  {
    // The Electron shell may import 'electron', and not the browser host.
    files: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            storeInternals,
            {
              regex: '^(\\.\\./)+webhost(/|$)',
              message:
                'The Electron host does not import the browser host: share through electron/hostShared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The contract is what the renderer and the main process agree on: zod and itself, nothing else.
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./)',
              message: 'The contract imports nothing but zod and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronImport,
            {
              regex: '(^|/)electron/(?!contract)',
              message:
                "The renderer may use only the contract ('#contract'); everything else goes through window.wxg.",
            },
            {
              regex: '^(node:.*|undici|electron-store|ws)$',
              message: 'The renderer has no Node access: ask the main process through the contract.',
            },
          ],
        },
      ],
    },
  },
);
