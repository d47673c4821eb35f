/**
 * Declared-vs-observed drift: CloudFormation and eksctl say what should exist, a kubectl dump says what
 * does. Each check is a function over the linked graph returning DriftItems with a stable `code`;
 * checks that need observations stay silent when no dump was imported.
 */
import { cmp } from '../../core/order.js';
import type { DriftItem } from '../../model/architecture.js';
import type { ModelGraph } from '../../model/graph.js';
import { driftIdentity } from './identity.js';
import { driftNodeGroups } from './node-groups.js';
import { driftVersions } from './versions.js';

const CHECKS: readonly ((graph: ModelGraph) => DriftItem[])[] = [driftNodeGroups, driftVersions, driftIdentity];

export function computeDrift(graph: ModelGraph): DriftItem[] {
  return CHECKS.flatMap((check) => check(graph)).sort((a, b) => cmp(a.code, b.code) || cmp(a.entity, b.entity) || cmp(a.message, b.message));
}
