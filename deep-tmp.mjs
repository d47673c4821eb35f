import { parseAllDocuments } from 'yaml';
const kind = process.argv[2]; const n = +process.argv[3];
let text;
if (kind === 'flow') text = '- ' + '['.repeat(n) + ']'.repeat(n) + '\n';
else if (kind === 'flowmap') text = 'a: ' + '{a: '.repeat(n) + '1' + '}'.repeat(n) + '\n';
else if (kind === 'compact') text = '- '.repeat(n) + 'x\n';
else if (kind === 'block') { text = ''; for (let i = 0; i < n; i++) text += ' '.repeat(i) + 'a:\n'; text += ' '.repeat(n) + 'b: 1\n'; }
try { const docs = parseAllDocuments(text, { merge: true, uniqueKeys: true, strict: false, prettyErrors: false }); for (const d of docs) d.toJS({ maxAliasCount: 1000 }); console.log(kind, n, 'ok', docs[0].errors.length); } catch (e) { console.log(kind, n, 'threw', e.constructor.name, e.message.slice(0, 60)); }
