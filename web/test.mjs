// Unit tests without a test framework download: esbuild bundles each *.test.ts, node's own runner runs them.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dirs = ['widget/test', 'console/test'];
const entryPoints = dirs.flatMap((d) => {
  try {
    return readdirSync(join(here, d)).filter((f) => f.endsWith('.test.ts')).map((f) => join(here, d, f));
  } catch (_) {
    return [];
  }
});
const outdir = join(here, 'target', 'test');
// with entry points in several folders esbuild mirrors them under outdir: run exactly what this build wrote, not stale output
const result = await build({ entryPoints, outdir, bundle: true, platform: 'node', format: 'esm', outExtension: { '.js': '.mjs' }, logLevel: 'warning', metafile: true, absWorkingDir: here });
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.mjs')).map((f) => join(here, f));
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
