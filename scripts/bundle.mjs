#!/usr/bin/env node
// Bundles the built CLI (run by `npm run build` after tsc): dist/cli/main.js and the dump reader's
// worker-thread entry, each with everything they import (the `yaml` package included), into
// dist/bundle/main.js and dist/bundle/worker.js. One file per entry loads much faster than the ~170
// ESM modules of the tsc output (see docs/performance.md). The worker sits beside the CLI because
// worker-pool.ts looks for `./worker.js` next to the module that contains it (import.meta.url).
// The tsc output stays in dist/ for the library API (package.json `exports`).
// Usage: node scripts/bundle.mjs [DIST]   (DIST: the tsc output directory, default dist/)
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, process.argv[2] ?? 'dist');

await build({
  entryPoints: {
    main: join(dist, 'cli/main.js'),
    worker: join(dist, 'frontends/kubernetes/dump/worker.js'),
  },
  outdir: join(dist, 'bundle'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // `yaml` is CommonJS and calls require('process'): give the ESM bundle a require.
  banner: { js: "import { createRequire as __archmapCreateRequire } from 'node:module';\nconst require = __archmapCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
