/**
 * The eksctl front end: `ClusterConfig` documents (eksctl.io/v1alpha5, and the old v1alpha3) →
 * cluster, network, node groups, Fargate profiles, addons and identities, with eksctl's defaults
 * applied and listed in each entity's `defaulted`.
 *
 * Each document is first validated against the field table (schema.ts); badly typed fields are
 * reported with file:line and left out, the rest of the document still lowers.
 */
import type { DiagnosticSink } from '../../core/diagnostics.js';
import type { LoadedDocument } from '../../load/document.js';
import type { Fragment } from '../../model/entity.js';
import type { FrontEnd } from '../types.js';
import { LowerContext } from './context.js';
import { checkUniqueNames } from './duplicates.js';
import { EKSCTL_DEFAULTS } from './defaults.js';
import { lowerAddons } from './lower-addons.js';
import { lowerAutoMode } from './lower-auto-mode.js';
import { lowerCluster } from './lower-cluster.js';
import { lowerFargateProfiles } from './lower-fargate.js';
import { lowerIdentity, recordPodIdentities } from './lower-identity.js';
import { lowerNetwork } from './lower-network.js';
import { lowerNodeGroups } from './lower-nodegroups.js';
import { ConfigNode } from './reader.js';
import { API_VERSIONS } from './schema.js';
import { validateClusterConfig } from './validate.js';

export const eksctlFrontEnd: FrontEnd = {
  format: 'eksctl',
  lower: (documents, ctx) => {
    const fragment: Fragment = { entities: [], relations: [] };
    for (const doc of documents) {
      const lowered = lowerClusterConfig(doc, ctx.sink);
      fragment.entities.push(...lowered.entities);
      fragment.relations.push(...lowered.relations);
    }
    return fragment;
  },
};

/** Lowers one ClusterConfig document. Never throws: problems go to `sink`. */
export function lowerClusterConfig(doc: LoadedDocument, sink: DiagnosticSink): Fragment {
  const cleaned = validateClusterConfig(doc, sink);
  checkUniqueNames(doc, sink);
  const root = new ConfigNode(cleaned, []);
  const apiVersion = root.str('apiVersion');
  if (apiVersion === 'eksctl.io/v1alpha3') {
    sink.info('eksctl/old-api-version', doc.file, doc.lineOf(['apiVersion']), 'eksctl.io/v1alpha3 is no longer read by eksctl; archmap reads it like v1alpha5');
  } else if (!(API_VERSIONS as readonly (string | undefined)[]).includes(apiVersion)) {
    sink.warning('eksctl/unknown-api-version', doc.file, doc.lineOf(['apiVersion']), `${apiVersion === undefined ? 'apiVersion is missing' : 'apiVersion is not one eksctl reads'}; read as eksctl.io/v1alpha5`);
  }
  const meta = root.obj('metadata');
  const name = meta?.str('name');
  if (!name) {
    sink.error('eksctl/missing-field', doc.file, doc.lineOf(['metadata']), 'metadata.name is required: without the cluster name nothing in this ClusterConfig can be placed');
    return { entities: [], relations: [] };
  }
  const declaredRegion = meta?.str('region');
  const region = { value: declaredRegion ?? EKSCTL_DEFAULTS.region, defaulted: declaredRegion === undefined };
  const ctx = new LowerContext(doc, sink, name, root);
  const network = lowerNetwork(ctx, region.value);
  const cluster = lowerCluster(ctx, region, network);
  lowerNodeGroups(ctx, cluster, network);
  lowerAutoMode(ctx, cluster);
  lowerFargateProfiles(ctx, cluster, network);
  lowerIdentity(ctx);
  lowerAddons(ctx, cluster);
  recordPodIdentities(ctx, cluster);
  return { entities: ctx.entities, relations: ctx.relations };
}
