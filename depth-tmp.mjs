import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadText } from './dist/load/load-file.js';
import { DiagnosticSink } from './dist/core/diagnostics.js';
const depth = (v) => { let max = 0; const st = [[v, 1]]; while (st.length) { const [x, d] = st.pop(); if (x && typeof x === 'object') { max = Math.max(max, d); for (const c of Object.values(x)) st.push([c, d + 1]); } } return max; };
const walk = (d) => readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; });
let best = [];
for (const f of walk('/work/shared/corpus')) { if (statSync(f).size > 64e6) continue; try { for (const doc of loadText(readFileSync(f, 'utf8'), f, new DiagnosticSink())) best.push([depth(doc.value), f]); } catch {} }
best.sort((a, b) => b[0] - a[0]); console.log(best.slice(0, 8));
