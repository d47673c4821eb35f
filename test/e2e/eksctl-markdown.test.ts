/**
 * The Markdown of an eksctl ClusterConfig, through the CLI: the compute diagram shows the cluster, its
 * managed and self-managed node groups and its Fargate profiles with their AZs and subnet kinds —
 * declared, or marked as eksctl's default.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { CORPUS, REPO_ROOT } from '../helpers/paths.js';

async function markdown(cwd: string, path: string): Promise<string> {
  const out: string[] = [];
  const stdout = (t: string): void => void out.push(t);
  const code = await runCli(['import', path, '-q'], { cwd, stdout, stderr: () => undefined, stderrIsTty: false });
  expect(code).toBe(0);
  return out.join('');
}

/** The Mermaid label of the compute-diagram node whose title is `name`, `<br/>` as newlines. */
function computeLabel(md: string, name: string): string {
  const compute = md.slice(md.indexOf('## Compute'), md.indexOf('## Workloads'));
  const line = compute.split('\n').find((l) => l.includes(`["${name}<br/>`) || l.includes(`("${name}<br/>`));
  expect(line, name).toBeDefined();
  return (line ?? '').replace(/^.*?[[(]"/, '').replace(/"[\])]$/, '').split('<br/>').join('\n');
}

const CONFIG = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: mixed, region: eu-west-1}
availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
managedNodeGroups:
  - name: apps
    instanceType: m6i.large
    privateNetworking: true
    availabilityZones: [eu-west-1b]
nodeGroups:
  - name: legacy
    instanceType: m5.large
fargateProfiles:
  - name: batch
    selectors: [{namespace: batch}]
`;

describe('eksctl Markdown: node groups and Fargate profiles with their AZs', () => {
  it('a config with managed + self-managed node groups and a Fargate profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archmap-eksctl-md-'));
    writeFileSync(join(dir, 'cluster.yaml'), CONFIG);
    const md = await markdown(dir, 'cluster.yaml');
    expect(computeLabel(md, 'mixed')).toContain('EKS cluster');
    expect(computeLabel(md, 'apps').split('\n')).toEqual(expect.arrayContaining(['managed node group', 'm6i.large', 'AZs: eu-west-1b', 'private subnets']));
    // Self-managed, no AZs of its own: all cluster AZs, public subnets (privateNetworking defaults to false).
    expect(computeLabel(md, 'legacy').split('\n')).toEqual(expect.arrayContaining(['self-managed node group', 'AZs: eu-west-1a/b/c #40;default#41;', 'public subnets #40;default#41;']));
    // Fargate profiles use the cluster's private subnets unless they name subnets.
    expect(computeLabel(md, 'batch').split('\n')).toEqual(expect.arrayContaining(['Fargate profile', 'selectors: batch', 'AZs: eu-west-1a/b/c #40;default#41;', 'private subnets #40;default#41;']));
  });

  it('corpus 16-fargate-profile: AZs that eksctl picks at creation are shown as unknown, never guessed', async () => {
    const md = await markdown(REPO_ROOT, join(CORPUS, 'eksctl/eksctl-io+eksctl__examples_16-fargate-profile.yaml'));
    expect(computeLabel(md, 'ng-1').split('\n')).toEqual(expect.arrayContaining(['self-managed node group', 'AZs: ⟨3 AZs of ap-northeast-1⟩ #40;default#41;', 'public subnets #40;default#41;']));
    for (const fp of ['fp-default', 'fp-dev']) expect(computeLabel(md, fp)).toContain('AZs: ⟨3 AZs of ap-northeast-1⟩ #40;default#41;\nprivate subnets #40;default#41;');
  });

  it('corpus 05-advanced-nodegroups: a declared single AZ, and the cluster AZs for the others', async () => {
    const md = await markdown(REPO_ROOT, join(CORPUS, 'eksctl/eksctl-io+eksctl__examples_05-advanced-nodegroups.yaml'));
    expect(computeLabel(md, 'ng3-private-b')).toContain('AZs: eu-west-2a\nprivate subnets');
    expect(computeLabel(md, 'ng1-public')).toContain('AZs: eu-west-2a/b/c');
  });
});
