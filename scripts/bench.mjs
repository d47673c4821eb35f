#!/usr/bin/env node
// Benchmark of the kubectl-dump hot path (run with `npm run bench`, which builds first).
// Generates the shared fixture into .bench/ (reused when present), then measures, in the same run and
// each as its own child process: `archmap import` of the YAML and JSON dumps (to Markdown and to JSON),
// js-yaml `load` of the YAML dump, and read + `JSON.parse` of the JSON dump. Wall time and peak RSS
// come from /usr/bin/time -v when present, else from a wrapper that reads process.resourceUsage().
// Usage: node scripts/bench.mjs [--pods N] [--seed S] [--runs R] [--dump FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
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
const cli = join(root, 'dist/bundle/main.js');
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

/** Runs `node ARGS` as a child; returns wall seconds and peak RSS in MB (best of `runs`). */
function measure(nodeArgs, env = {}) {
  let best;
  for (let i = 0; i < runs; i++) {
    const r = hasTime ? timeWithGnuTime(nodeArgs, env) : timeWithWrapper(nodeArgs, env);
    if (!best || r.seconds < best.seconds) best = { ...r, rss: Math.max(r.rss, best?.rss ?? 0) };
  }
  return best;
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
const rows = [];
const row = (what, r, base) => {
  rows.push({ what, seconds: r.seconds.toFixed(2), rssMB: r.rss.toFixed(0), ratio: base ? (r.seconds / base.seconds).toFixed(2) : '' });
  return r;
};

console.error(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), runs=${runs} (best wall time kept, highest RSS kept)`);
const yBase = row(`js-yaml load, YAML dump (${mb(yamlDump)} MB)`, measure(['-e', jsYamlLoad]));
row('archmap import YAML → Markdown', measure([cli, 'import', yamlDump, '-q', '-o', join(out, 'yaml.md')]), yBase);
row('archmap import YAML → JSON', measure([cli, 'import', yamlDump, '-q', '-f', 'json', '-o', join(out, 'yaml.json')]), yBase);
row('archmap import YAML → Markdown, workers forced', measure([cli, 'import', yamlDump, '-q', '-o', join(out, 'yaml-w.md')], { ARCHMAP_WORKERS: 'force' }), yBase);
if (existsSync(jsonDump)) {
  const jBase = row(`read + JSON.parse, JSON dump (${mb(jsonDump)} MB)`, measure(['-e', jsonParse]));
  row('archmap import JSON → Markdown', measure([cli, 'import', jsonDump, '-q', '-o', join(out, 'json.md')]), jBase);
  row('archmap import JSON → JSON', measure([cli, 'import', jsonDump, '-q', '-f', 'json', '-o', join(out, 'json.json')]), jBase);
  row('archmap import JSON → Markdown, workers forced', measure([cli, 'import', jsonDump, '-q', '-o', join(out, 'json-w.md')], { ARCHMAP_WORKERS: 'force' }), jBase);
}

const w = Math.max(...rows.map((r) => r.what.length));
console.log(`${'what'.padEnd(w)}  wall s  peak RSS MB  × baseline`);
for (const r of rows) console.log(`${r.what.padEnd(w)}  ${r.seconds.padStart(6)}  ${r.rssMB.padStart(11)}  ${r.ratio.padStart(10)}`);
