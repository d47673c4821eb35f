import type { FrontEnd } from '../types.js';

export const cloudFormationFrontEnd: FrontEnd = {
  format: 'cloudformation',
  lower: () => ({ entities: [], relations: [] }),
};
