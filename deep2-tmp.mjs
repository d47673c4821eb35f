import { readFileSync } from 'node:fs';
import { loadText } from './dist/load/load-file.js';
import { DiagnosticSink } from './dist/core/diagnostics.js';
import { classify } from './dist/classify/classify.js';
const text = readFileSync(process.argv[2], 'utf8');
const sink = new DiagnosticSink();
const docs = loadText(text, 'x', sink);
console.log('docs', docs.length, sink.items.map((d) => d.code + ' ' + d.message.slice(0, 80)));
for (const d of docs) console.log(classify(d.value));
