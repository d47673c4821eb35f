/**
 * The ordered list of link passes. Kubernetes-internal joins run first (owner chains, selectors),
 * then the cross-source joins that build on them.
 */
import type { LinkPass } from '../types.js';
import { CROSS_SOURCE_PASSES } from './cross/index.js';
import { KUBERNETES_PASSES } from './kubernetes/index.js';

export const LINK_PASSES: readonly LinkPass[] = [...KUBERNETES_PASSES, ...CROSS_SOURCE_PASSES];
