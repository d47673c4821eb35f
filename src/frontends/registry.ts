/** The front ends, in the order their fragments enter the model. */
import { cloudFormationFrontEnd } from './cloudformation/index.js';
import { eksctlFrontEnd } from './eksctl/index.js';
import { kubernetesFrontEnd, kubectlDumpFrontEnd } from './kubernetes/index.js';
import type { FrontEnd, StreamingFrontEnd } from './types.js';

export const FRONT_ENDS: readonly FrontEnd[] = [cloudFormationFrontEnd, eksctlFrontEnd, kubernetesFrontEnd];

export const STREAMING_FRONT_ENDS: readonly StreamingFrontEnd[] = [kubectlDumpFrontEnd];
