/**
 * The generated EKS fixture, all three sources together: CloudFormation, eksctl and the kubectl dump
 * become ONE model (one cluster, one entity per subnet, nodes and pods placed in their node groups,
 * ServiceAccounts tied to the IAM roles of the templates and eksctl, traffic from load balancers to
 * Services) and the drift section names the node groups whose size differs from desiredCapacity.
 * Expected values come from truth.json and from the generated eksctl file, never from the model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import type { Entity } from '../../src/model/entity.js';
import { clusterId, eksctlId, k8sId, nodeGroupId } from '../../src/model/ids.js';
import { importArchitecture } from '../../src/pipeline.js';
import { displayValue } from '../../src/model/read.js';
import { generateFixture, readTruth, type Truth } from '../helpers/paths.js';

const CASES = [
  { pods: 300, seed: 1 },
  { pods: 150, seed: 7, cluster: 'acme-dev', json: false },
  { pods: 2500, seed: 3, cluster: 'edge-prod', json: false },
];

/** desiredCapacity per managed node group, read from the generated eksctl file. */
function declaredDesired(dir: string): Record<string, number> {
  const doc: unknown = parse(readFileSync(join(dir, 'eksctl/cluster.yaml'), 'utf8'));
  const out: Record<string, number> = {};
  const groups = doc && typeof doc === 'object' && 'managedNodeGroups' in doc && Array.isArray(doc.managedNodeGroups) ? (doc.managedNodeGroups as unknown[]) : [];
  for (const g of groups) {
    if (g && typeof g === 'object' && 'name' in g && 'desiredCapacity' in g && typeof g.name === 'string' && typeof g.desiredCapacity === 'number') out[g.name] = g.desiredCapacity;
  }
  return out;
}

describe.each(CASES)('fixture %j', (options) => {
  const dir = generateFixture(options);
  const truth: Truth = readTruth(dir);
  let model: ArchitectureModel;
  const byId = new Map<string, Entity>();
  const out = (from: string, type: string): string[] => model.relations.filter((r) => r.from === from && r.type === type).map((r) => r.to);
  const into = (to: string, type: string): string[] => model.relations.filter((r) => r.to === to && r.type === type).map((r) => r.from);
  const files = (e: Entity | undefined): string[] => [...new Set((e?.sources ?? []).map((s) => s.file))];

  beforeAll(async () => {
    model = await importArchitecture([dir], { cwd: dir });
    for (const e of model.entities) byId.set(e.id, e);
  });

  it('has exactly one Cluster, known to eksctl and the dump', () => {
    const clusters = model.entities.filter((e) => e.kind === 'Cluster');
    expect(clusters.map((c) => c.id)).toEqual([clusterId(truth.cluster)]);
    expect(files(clusters[0])).toEqual(expect.arrayContaining(['eksctl/cluster.yaml', expect.stringMatching(/^kubectl\/cluster-dump\./)]));
    expect(clusters[0]?.props['region']).toBe(truth.region);
  });

  it('has 6 subnets, each declared in cfn/network.yaml and eksctl/cluster.yaml', () => {
    const subnets = model.entities.filter((e) => e.kind === 'Subnet');
    expect(subnets).toHaveLength(6);
    for (const s of subnets) expect(files(s)).toEqual(expect.arrayContaining(['cfn/network.yaml', 'eksctl/cluster.yaml']));
    expect(model.entities.filter((e) => e.kind === 'Vpc')).toHaveLength(1);
  });

  it('places nodes and pods in their node groups, and Fargate pods on the profile', () => {
    const nodes: Record<string, number> = {};
    const pods: Record<string, number> = {};
    for (const name of Object.keys(truth.nodesByNodegroup)) {
      const groupNodes = into(nodeGroupId(truth.cluster, name), 'member-of').filter((id) => byId.get(id)?.kind === 'Node');
      nodes[name] = groupNodes.length;
      pods[name] = groupNodes.reduce((n, node) => n + into(node, 'runs-on').filter((id) => byId.get(id)?.kind === 'Pod').length, 0);
    }
    expect(nodes).toEqual(truth.nodesByNodegroup);
    expect(pods).toEqual(truth.podsByNodegroup);
    const profiles = model.entities.filter((e) => e.kind === 'FargateProfile');
    const fargatePods = new Set(profiles.flatMap((p) => into(p.id, 'runs-on')).filter((id) => byId.get(id)?.kind === 'Pod'));
    expect(fargatePods.size).toBe(truth.fargatePods);
  });

  it('ties every IRSA ServiceAccount to an IAM role of the templates or eksctl', () => {
    for (const { serviceAccount } of truth.irsa) {
      const [ns = '', name = ''] = serviceAccount.split('/');
      const roles = out(k8sId('ServiceAccount', ns, name), 'assumes').map((id) => byId.get(id));
      expect(roles.map((r) => r?.kind), serviceAccount).toEqual(['IamRole']);
      const role = roles[0];
      expect(role?.props['external'], serviceAccount).toBeUndefined();
      if (serviceAccount === 'kube-system/aws-load-balancer-controller') {
        expect(role?.id).toBe(eksctlId('IamRole', truth.cluster, 'irsa/kube-system/aws-load-balancer-controller'));
        expect(files(role)).toContain('eksctl/cluster.yaml');
      } else {
        expect(files(role), serviceAccount).toContain('cfn/platform.yaml');
      }
    }
  });

  it('routes load balancers to the Ingress and the NLB Service, and the Ingress to its Services', () => {
    const ingress = k8sId('Ingress', 'shop', 'storefront');
    expect(out(ingress, 'routes-to').sort()).toEqual(truth.ingressTargets['shop/storefront']?.map((s) => k8sId('Service', 'shop', s.split('/')[1] ?? s)).sort());
    const albs = into(ingress, 'routes-to').map((id) => byId.get(id));
    expect(albs.map((lb) => `${lb?.kind} ${lb ? displayValue(lb.props['lbType']) : ''}`)).toEqual(['LoadBalancer application']);
    const nlbTruth = truth.loadBalancers.find((lb) => lb.kind === 'NLB');
    const nlbs = into(k8sId('Service', 'shop', 'catalog-public'), 'routes-to').map((id) => byId.get(id));
    expect(nlbs.map((lb) => `${lb?.kind} ${lb ? displayValue(lb.props['lbType']) : ''} ${lb ? displayValue(lb.props['hostname']) : ''}`)).toEqual([`LoadBalancer network ${nlbTruth?.hostname}`]);
    // J33: both are internet-facing, so they sit in the public subnets (role-tagged in cfn/network.yaml), one per AZ.
    for (const lb of [...albs, ...nlbs]) {
      const subnets = into(lb?.id ?? '', 'contains').map((id) => byId.get(id));
      expect(subnets.length, lb?.id).toBeGreaterThan(0);
      expect(new Set(subnets.map((s) => s?.props['topology'])), lb?.id).toEqual(new Set(['public']));
      expect(new Set(subnets.map((s) => s?.props['az'])).size).toBe(subnets.length);
      // J34: ip targets are pods, instance targets are nodes.
      const targetKind = lb?.props['targetType'] === 'ip' ? 'Pod' : 'Node';
      const targets = model.relations.filter((r) => r.from === lb?.id && r.rule === 'J34').map((r) => byId.get(r.to)?.kind);
      expect(targets.length, lb?.id).toBeGreaterThan(0);
      expect(new Set(targets)).toEqual(new Set([targetKind]));
    }
  });

  it('reports the node groups whose node count differs from desiredCapacity', () => {
    const desired = declaredDesired(dir);
    const expected = Object.entries(desired)
      .filter(([name, want]) => (truth.nodesByNodegroup[name] ?? 0) !== want)
      .map(([name]) => nodeGroupId(truth.cluster, name))
      .sort();
    expect(Object.keys(desired).length).toBeGreaterThan(0);
    expect(model.drift.filter((d) => d.code === 'drift/nodegroup-size').map((d) => d.entity).sort()).toEqual(expected);
  });
});
