import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const entry = fileURLToPath(new URL('./bridge.ts', import.meta.url));

/**
 * Bundles bridge.ts (and the contract it imports) into one classic script, in memory, when the
 * host starts: nothing of the browser host is ever written into out/renderer, which is what the
 * app ships.
 */
export async function buildBridgeScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'wxgWebhostBridge', fileName: () => 'webhost-bridge.js' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('The webhost bridge build produced no script');
}
