import type { FrontEnd, StreamingFrontEnd } from '../types.js';

export const kubernetesFrontEnd: FrontEnd = {
  format: 'kubernetes',
  lower: () => ({ entities: [], relations: [] }),
};

export const kubectlDumpFrontEnd: StreamingFrontEnd = {
  format: 'kubernetes',
  claim: () => false,
  importFile: () => Promise.resolve(undefined),
};
