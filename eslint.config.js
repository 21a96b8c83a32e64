// Lint rules that guard the architecture (see ../shared/docs/architecture.md):
// only the Electron shell (electron/main, electron/preload) may import 'electron', and the
// renderer may reach into electron/ only through the contract ('#contract'), and code outside the
// store reaches it only through its interface.
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
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [storeInternals] }] },
  },
  {
    files: ['tests/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
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
