/** Cross-source joins (DOMAIN.md J1–J21, J28–J41, J44), in order. */
import type { LinkPass } from '../../types.js';

export const CROSS_SOURCE_PASSES: readonly LinkPass[] = [];
