/** Kubernetes-internal joins (DOMAIN.md J22–J27, J37, J42–J45), in order. */
import type { LinkPass } from '../../types.js';

export const KUBERNETES_PASSES: readonly LinkPass[] = [];
