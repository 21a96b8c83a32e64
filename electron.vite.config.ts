import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The renderer's entry (src/main.tsx) sends the first requests and only then imports ./boot (React,
 * antd, the screens). Vite lists only an entry's static imports as modulepreload in index.html;
 * this adds the chunks ./boot needs, so the window fetches them together with the entry.
 */
function preloadBoot(): Plugin {
  let base = './';
  return {
    name: 'wxg-preload-boot',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = new Map<string, { imports: string[] }>();
        let boot: string | undefined;
        for (const item of Object.values(ctx.bundle ?? {})) {
          if (item.type !== 'chunk') continue;
          chunks.set(item.fileName, item);
          if (item.facadeModuleId?.endsWith('/renderer/src/boot.tsx')) boot = item.fileName;
        }
        if (!boot) throw new Error('preloadBoot: no chunk for renderer/src/boot.tsx');
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          chunks.get(file)?.imports.forEach(visit);
        };
        visit(boot);
        return [...files]
          .filter((file) => !html.includes(`"${base}${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The sync's follower writer runs in a worker thread started from this file, next to
          // index.js (see electron/core/store/followerWriter.ts).
          followerWriterThread: resolve('electron/core/store/followerWriterThread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload runs as a classic script: it must be one CommonJS file with no imports
      // left to resolve, so zod and the contract are bundled in rather than externalized.
      externalizeDeps: false,
      // zod is bundled in; minified, the preload stays small for every window start.
      minify: true,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves this off; minified, the window parses its script noticeably faster.
      minify: true,
      rolldownOptions: {
        input: { index: resolve('renderer/index.html') },
        output: {
          // React is in every screen and every lazy part: one chunk of its own. The rest is split
          // by rolldown by who imports it, so a drawer's own antd components load with the drawer.
          codeSplitting: {
            groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
    plugins: [react(), preloadBoot()],
  },
});
