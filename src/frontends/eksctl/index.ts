import type { FrontEnd } from '../types.js';

export const eksctlFrontEnd: FrontEnd = {
  format: 'eksctl',
  lower: () => ({ entities: [], relations: [] }),
};
