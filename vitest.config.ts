import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // electron-store imports 'electron'; in plain Node that must not try to download a binary.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
  },
});
