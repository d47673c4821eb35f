/**
 * Names eksctl requires to be unique in a ClusterConfig: node groups (managed and self-managed
 * together), Fargate profiles, addons, IAM service accounts (namespace/name). eksctl rejects a file
 * that repeats one; archmap reads it (both declarations describe one entity and are merged) and says so.
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import { asArray, asObject, asString } from '../../core/guards.js';
import type { LoadedDocument, PathSegment } from '../../load/document.js';

interface UniqueNames {
  readonly what: string;
  readonly lists: readonly (readonly string[])[];
  /** The name of one entry and the path to it inside the entry. */
  readonly name: (entry: unknown) => { name: string; at: readonly PathSegment[] } | undefined;
}

const byName = (entry: unknown): { name: string; at: readonly PathSegment[] } | undefined => {
  const name = asString(asObject(entry)?.['name']);
  return name === undefined ? undefined : { name, at: ['name'] };
};

const UNIQUE: readonly UniqueNames[] = [
  { what: 'node group', lists: [['nodeGroups'], ['managedNodeGroups']], name: byName },
  { what: 'Fargate profile', lists: [['fargateProfiles']], name: byName },
  { what: 'addon', lists: [['addons']], name: byName },
  {
    what: 'IAM service account',
    lists: [['iam', 'serviceAccounts']],
    name: (entry) => {
      const meta = asObject(asObject(entry)?.['metadata']);
      const name = asString(meta?.['name']);
      return name === undefined ? undefined : { name: `${asString(meta?.['namespace']) ?? 'default'}/${name}`, at: ['metadata', 'name'] };
    },
  },
];

export function checkUniqueNames(doc: LoadedDocument, sink: DiagnosticSink): void {
  for (const rule of UNIQUE) {
    const first = new Map<string, number>();
    for (const list of rule.lists) {
      let node: unknown = doc.value;
      for (const key of list) node = asObject(node)?.[key];
      asArray(node).forEach((entry, i) => {
        const found = rule.name(entry);
        if (!found) return;
        const line = doc.lineOf([...list, i, ...found.at]);
        const earlier = first.get(found.name);
        if (earlier === undefined) {
          first.set(found.name, line);
          return;
        }
        sink.warning('eksctl/duplicate-name', doc.file, line, `${rule.what} ${found.name} is declared again (first at line ${earlier}): eksctl rejects the file; archmap merges the two`);
      });
    }
  }
}
