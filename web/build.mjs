// Builds the widget (one file), the React wrapper, the console and the demo page into the jar's static/ folder.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.WEB_OUT_DIR || join(here, 'target', 'classes', 'static');
const WIDGET_GZIP_LIMIT = 60 * 1024;
mkdirSync(out, { recursive: true });

const common = { bundle: true, minify: true, sourcemap: false, target: ['es2019', 'chrome80', 'firefox78', 'safari13'], legalComments: 'none', logLevel: 'warning' };

await build({ ...common, entryPoints: [join(here, 'widget/src/index.ts')], outfile: join(out, 'widget.js'), format: 'iife', globalName: 'SupportChat' });
await build({ ...common, entryPoints: [join(here, 'console/src/main.ts')], outfile: join(out, 'console/app.js'), format: 'iife' });
cpSync(join(here, 'console/index.html'), join(out, 'console/index.html'));
cpSync(join(here, 'console/src/app.css'), join(out, 'console/app.css'));
mkdirSync(join(out, 'demo'), { recursive: true });
cpSync(join(here, 'demo'), join(out, 'demo'), { recursive: true });
// the React wrapper is published on its own (React is the host page's), not served by the gateway
await build({ ...common, minify: false, entryPoints: [join(here, 'widget-react/src/index.tsx')], outfile: join(here, 'widget-react/dist/index.js'), format: 'esm', external: ['react'], jsx: 'transform' });

const widget = readFileSync(join(out, 'widget.js'));
const gz = gzipSync(widget, { level: 9 }).length;
const report = `widget.js: ${(widget.length / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzipped (limit ${WIDGET_GZIP_LIMIT / 1024} KiB)`;
writeFileSync(join(here, 'target', 'widget-size.txt'), report + '\n');
console.log(report);
if (gz > WIDGET_GZIP_LIMIT) {
  console.error('widget.js is over the gzipped size limit');
  process.exit(1);
}
