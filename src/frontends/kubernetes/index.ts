/**
 * The Kubernetes front end. Two ways in:
 * - `kubernetesFrontEnd`: documents from the general loader (manifests, `helm template`, `kustomize
 *   build`, small lists), flattened and lowered object by object;
 * - `kubectlDumpFrontEnd`: `kubectl get … -o yaml|json` list dumps of any size, streamed (see dump/).
 * Both lower each object to one compact entity (lower-object.ts), dropping secret values at the door.
 */
import { DiagnosticSink } from '../../core/diagnostics.js';
import type { Fragment } from '../../model/entity.js';
import type { FrontEnd, StreamingFrontEnd } from '../types.js';
import { detectDump } from './dump/shape.js';
import { importDump } from './dump/stream.js';
import { flattenDocument } from './flatten.js';
import { lowerObject } from './lower-object.js';

export const kubernetesFrontEnd: FrontEnd = {
  format: 'kubernetes',
  lower: (documents, ctx) => {
    const fragment: Fragment = { entities: [], relations: [] };
    for (const doc of documents) {
      for (const o of flattenDocument(doc)) {
        const e = lowerObject(o.value, doc.file, o.line, ctx.sink);
        if (e) fragment.entities.push(e);
      }
    }
    return fragment;
  },
};

export const kubectlDumpFrontEnd: StreamingFrontEnd = {
  format: 'kubernetes',
  claim: (_file, head) => detectDump(head) !== undefined,
  importFile: async (file, ctx) => {
    // Diagnostics are kept back until the file is known to be a dump: otherwise the general loader
    // reads it again and reports its own.
    const local = new DiagnosticSink();
    const result = await importDump(file, local);
    if (!result) return undefined;
    for (const d of local.items) ctx.sink.report(d);
    return { format: 'kubernetes', documents: result.documents, fragment: { entities: result.entities, relations: [] } };
  },
};
