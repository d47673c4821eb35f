#!/usr/bin/env node
// Bundles the built CLI (run by `npm run build` after tsc): dist/cli/main.js and the dump reader's
// worker-thread entry, each with everything they import (the `yaml` package included), into
// dist/bundle/main.cjs and dist/bundle/worker.cjs. One file per entry loads much faster than the ~170
// ESM modules of the tsc output, and as CommonJS the bundle's top-level functions and constants are
// variables of one function that runs once, which V8's optimiser can treat as constants (a measured
// 2–5 % of a large dump's import against the same bundle as an ES module; see docs/performance.md).
// The worker sits beside the CLI because worker-pool.ts looks for `./worker` with its own module's
// extension next to the module that contains it (import.meta.url, defined here as the bundle's URL).
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
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  target: 'node20',
  // The sources are ES modules: their one use of `import.meta` (worker-pool.ts) gets the bundle's own URL.
  define: { 'import.meta.url': '__archmapModuleUrl' },
  // "use strict" first, so that it stays the bundle's directive (esbuild writes its own after the banner).
  banner: { js: "'use strict';\nconst __archmapModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
