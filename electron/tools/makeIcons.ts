// `npm run icons`: renders resources/icon.svg into every icon the app and its installers use.
// Run it after changing the artwork and commit the results (packaging never renders SVG itself).
//   resources/icon.png                  window and Dock icon in development (512 px)
//   resources/build/icon.ico            Windows executable, installer and uninstaller (16–256 px)
//   resources/build/icon.icns           macOS app and dmg (16–1024 px)
//   resources/build/icons/NxN.png       Linux (pack:check) and anyone needing a plain PNG
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { BICUBIC2, createICNS, createICO } from 'png2icons';

const resources = resolve(import.meta.dirname, '../../resources');
const svg = readFileSync(join(resources, 'icon.svg'));

/** Each size rendered from the vector artwork, so small sizes are not blurred copies of a big one. */
function render(size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

const pngDir = join(resources, 'build', 'icons');
mkdirSync(pngDir, { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
  writeFileSync(join(pngDir, `${size}x${size}.png`), render(size));
writeFileSync(join(resources, 'icon.png'), render(512));

const master = render(1024);
// PNG-compressed entries keep the .ico small; forWinExe keeps the 256 px entry the way rcedit expects.
const ico = createICO(master, BICUBIC2, 0, true, true);
const icns = createICNS(master, BICUBIC2, 0);
if (!ico || !icns) throw new Error('png2icons could not convert resources/icon.svg');
writeFileSync(join(resources, 'build', 'icon.ico'), ico);
writeFileSync(join(resources, 'build', 'icon.icns'), icns);
console.log('icons written to resources/icon.png and resources/build/');
