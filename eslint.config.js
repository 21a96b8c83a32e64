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

// Relative imports that climb out of the importing layer into a sibling folder of electron/.
const layerImport = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });

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
    files: ['electron/core/**'],
    // The demo's emulator is still started here (services.ts builds it); it is to become a port.
    ignores: ['electron/core/accounts/demoEnvironment.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronImport,
            layerImport(
              ['emulator', 'hostShared', 'main', 'preload', 'webhost'],
              'The core is plain TypeScript for every host: a host passes the emulator or any host service in through a port.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/emulator/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronImport,
            layerImport(
              ['core', 'hostShared', 'main', 'preload', 'webhost'],
              'The emulator stands in for WeChat: it imports neither the core nor a host (the contract only).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/hostShared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronImport,
            layerImport(
              ['main', 'preload', 'webhost'],
              'electron/hostShared holds what both hosts use; it imports neither of them.',
            ),
          ],
        },
      ],
    },
  },
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
