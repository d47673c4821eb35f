#!/usr/bin/env node
// Benchmark of the kubectl-dump hot path (run with `npm run bench`, which builds first).
// Generates the shared fixture into .bench/ (reused when present), then measures, in the same run and
// each as its own child process, the cases interleaved round by round: `archmap import` of the YAML and JSON dumps (to Markdown and to JSON),
// js-yaml `load` of the YAML dump, and read + `JSON.parse` of the JSON dump. Wall time and peak RSS
// come from /usr/bin/time -v when present, else from a wrapper that reads process.resourceUsage().
// Usage: node scripts/bench.mjs [--pods N] [--seed S] [--runs R] [--dump FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const pods = Number(opt('pods', '20000'));
const seed = Number(opt('seed', '1'));
const runs = Number(opt('runs', '3'));
const cli = join(root, 'dist/bundle/main.cjs');
const generator = resolve(root, '../shared/tools/gen-eks-fixture.mjs');
const dir = join(root, '.bench', `fixture-${pods}${seed === 1 ? '' : `-s${seed}`}`);
const out = join(root, '.bench', 'out');
mkdirSync(out, { recursive: true });

if (!existsSync(join(dir, 'kubectl/cluster-dump.yaml'))) {
  console.error(`generating ${pods}-pod fixture into ${dir} …`);
  execFileSync(process.execPath, [generator, dir, '--pods', String(pods), '--seed', String(seed)], { stdio: 'inherit' });
}
const yamlDump = opt('dump', join(dir, 'kubectl/cluster-dump.yaml'));
const jsonDump = join(dir, 'kubectl/cluster-dump.json');
const hasTime = existsSync('/usr/bin/time') && !args.includes('--no-gnu-time');

/** Runs `node ARGS` once as a child; returns wall seconds and peak RSS in MB. */
function measureOnce(nodeArgs, env = {}) {
  return hasTime ? timeWithGnuTime(nodeArgs, env) : timeWithWrapper(nodeArgs, env);
}

function timeWithGnuTime(nodeArgs, env) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...nodeArgs], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`failed: node ${nodeArgs.join(' ')}\n${r.stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!wall || !rss) throw new Error(`cannot read /usr/bin/time output:\n${r.stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, rss: Number(rss[1]) / 1024 };
}

function timeWithWrapper(nodeArgs, env) {
  // The child reports its own peak RSS from an exit hook loaded with --import.
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nBENCH_MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', hook, ...nodeArgs], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const rss = /BENCH_MAXRSS (\d+)/.exec(r.stderr);
  if (!rss) throw new Error(`no RSS from child:\n${r.stderr}`);
  return { seconds, rss: Number(rss[1]) / 1024 };
}

const mb = (p) => (statSync(p).size / 1e6).toFixed(0);
const jsYamlLoad = `const t=require('node:fs').readFileSync(${JSON.stringify(yamlDump)},'utf8');require('js-yaml').load(t);`;
const jsonParse = `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(jsonDump)},'utf8'));`;
const cases = [];
const add = (what, nodeArgs, base, env) => cases.push({ what, nodeArgs, base, env, times: [], rss: 0 });
add(`js-yaml load, YAML dump (${mb(yamlDump)} MB)`, ['-e', jsYamlLoad]);
add('archmap import YAML → Markdown', [cli, 'import', yamlDump, '-q', '-o', join(out, 'yaml.md')], 0);
add('archmap import YAML → JSON', [cli, 'import', yamlDump, '-q', '-f', 'json', '-o', join(out, 'yaml.json')], 0);
add('archmap import YAML → Markdown, workers forced', [cli, 'import', yamlDump, '-q', '-o', join(out, 'yaml-w.md')], 0, { ARCHMAP_WORKERS: 'force' });
if (existsSync(jsonDump)) {
  const j = cases.length;
  add(`read + JSON.parse, JSON dump (${mb(jsonDump)} MB)`, ['-e', jsonParse]);
  add('archmap import JSON → Markdown', [cli, 'import', jsonDump, '-q', '-o', join(out, 'json.md')], j);
  add('archmap import JSON → JSON', [cli, 'import', jsonDump, '-q', '-f', 'json', '-o', join(out, 'json.json')], j);
  add('archmap import JSON → Markdown, workers forced', [cli, 'import', jsonDump, '-q', '-o', join(out, 'json-w.md')], j, { ARCHMAP_WORKERS: 'force' });
}

// Read the dumps once first: this VM drops its page cache, and a 134 MB file read from disk in the
// first round would cost seconds that no case should be charged with.
for (const f of [yamlDump, jsonDump]) if (existsSync(f)) readFileSync(f);
console.error(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), runs=${runs} (interleaved; best and median wall time, highest RSS)`);
// Round-robin: every case runs once per round, so a slow phase of the machine hits all of them
// alike and the ratios stay comparable (the wall time of one binary moves by ±20 % over minutes).
for (let round = 0; round < runs; round++) {
  for (const c of cases) {
    const r = measureOnce(c.nodeArgs, c.env);
    c.times.push(r.seconds);
    c.rss = Math.max(c.rss, r.rss);
  }
}
const best = (c) => Math.min(...c.times);
const median = (c) => [...c.times].sort((a, b) => a - b)[Math.floor((c.times.length - 1) / 2)];
const rows = cases.map((c) => {
  const base = c.base === undefined ? undefined : cases[c.base];
  return {
    what: c.what,
    seconds: best(c).toFixed(2),
    median: median(c).toFixed(2),
    rssMB: c.rss.toFixed(0),
    ratio: base ? (best(c) / best(base)).toFixed(2) : '',
    medianRatio: base ? (median(c) / median(base)).toFixed(2) : '',
  };
});

const w = Math.max(...rows.map((r) => r.what.length));
console.log(`${'what'.padEnd(w)}  best s  median s  peak RSS MB  × baseline (best)  × baseline (median)`);
for (const r of rows) {
  console.log(`${r.what.padEnd(w)}  ${r.seconds.padStart(6)}  ${r.median.padStart(8)}  ${r.rssMB.padStart(11)}  ${r.ratio.padStart(17)}  ${r.medianRatio.padStart(19)}`);
}
