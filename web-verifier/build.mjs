// Builds the verifier into one self-contained HTML file (verify.html) and its service worker
// (verify-sw.js) in the folder given (default dist/): what the node serves at /verify.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
const bundle = await build({
  entryPoints: ['src/app.js'],
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2020'],
  write: false,
  legalComments: 'inline',
});
const script = bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
const html = readFileSync('src/index.html', 'utf8').replace('<!--APP-->', () => `<script>${script}</script>`);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'verify.html'), html);
writeFileSync(join(out, 'verify-sw.js'), readFileSync('src/sw.js'));
console.log(`verify.html ${html.length} bytes written to ${out}`);
