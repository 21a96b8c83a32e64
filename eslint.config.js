// Lint rules that guard the architecture (see ../shared/docs/architecture.md):
// only the Electron shell (electron/main, electron/preload) may import 'electron'; the core
// imports neither a host nor the emulator; the emulator imports neither the core nor a host;
// electron/hostShared (what both hosts use) imports neither host; the renderer may reach into
// electron/ only through the contract ('#contract').
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      { patterns: [electronImport, { regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`, message }] },
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
  layer(
    ['electron/core/**'],
    ['emulator', 'hostShared', 'main', 'preload', 'webhost'],
    'The core is plain TypeScript for every host: a host passes the emulator or any host service in through a port.',
    // The demo's emulator is still started here (services.ts builds it); it is to become a port.
    ['electron/core/accounts/demoEnvironment.ts'],
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
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/electron/**'],
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
