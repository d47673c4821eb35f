import { loadText } from './dist/load/load-file.js';
import { DiagnosticSink } from './dist/core/diagnostics.js';
const n = +process.argv[2]; const copies = +(process.argv[3] ?? 2);
const line = '- ' + '['.repeat(n) + ']'.repeat(n) + '\n';
const sink = new DiagnosticSink();
const docs = loadText(line.repeat(copies), 'x', sink);
console.log(n, copies, 'docs', docs.length, sink.items.map((d) => d.code + ' ' + d.message.slice(0, 60)));
