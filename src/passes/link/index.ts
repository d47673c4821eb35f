/**
 * The ordered list of link passes. Kubernetes-internal joins run first (owner chains, selectors),
 * then the cross-source joins that build on them.
 */
import type { LinkPass } from '../types.js';

export const LINK_PASSES: readonly LinkPass[] = [];
