/** samples/eksctl/cluster.yaml end to end through the public pipeline. */
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/paths.js';

const SA = 'ServiceAccount:kube-system/aws-load-balancer-controller';

describe('samples/eksctl/cluster.yaml', () => {
  it('imports cleanly with the cluster, node groups and Fargate profile placed in their AZs', async () => {
    const m = await importArchitecture(['samples/eksctl/cluster.yaml'], { cwd: REPO_ROOT });
    expect(m.inputs).toEqual([{ file: 'samples/eksctl/cluster.yaml', format: 'eksctl', documents: 1, status: 'ok' }]);
    expect(m.diagnostics).toEqual([]);
    const byId = new Map(m.entities.map((e) => [e.id, e]));
    expect(byId.get('Cluster:shop-prod')?.props).toMatchObject({ region: 'ap-northeast-1', version: '1.29', withOIDC: true, endpointPrivateAccess: true });
    const zones = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];
    expect(byId.get('NodeGroup:shop-prod/general')?.props).toMatchObject({ nodeGroupType: 'managed', desiredCapacity: 3, availabilityZones: zones });
    expect(byId.get('NodeGroup:shop-prod/spot')?.props).toMatchObject({ capacityType: 'SPOT', instanceTypes: ['m5.xlarge', 'm5a.xlarge'], availabilityZones: zones });
    expect(byId.get('FargateProfile:shop-prod/batch')?.props).toMatchObject({ availabilityZones: zones, selectors: [{ namespace: 'batch', labels: { compute: 'fargate' } }] });
    expect(m.relations).toContainEqual(expect.objectContaining({ type: 'assumes', from: 'NodeGroup:shop-prod/general', to: 'IamRole:shop-prod-node-role' }));
  });

  it('the LBC IRSA service account kube-system/aws-load-balancer-controller assumes an IamRole entity', async () => {
    const m = await importArchitecture(['samples/eksctl/cluster.yaml'], { cwd: REPO_ROOT });
    const edge = m.relations.find((r) => r.type === 'assumes' && r.from === SA);
    expect(edge).toMatchObject({ rule: 'eksctl-irsa', confidence: 'high' });
    const role = m.entities.find((e) => e.id === edge?.to);
    expect(role?.kind).toBe('IamRole');
    expect(role?.props).toMatchObject({
      oidcSubjects: ['system:serviceaccount:kube-system:aws-load-balancer-controller'],
      wellKnownPolicies: ['awsLoadBalancerController'],
    });
  });

  it('keeps the edge when the whole samples project is imported', async () => {
    const m = await importArchitecture(['samples'], { cwd: REPO_ROOT });
    const sa = m.entities.find((e) => e.id === SA);
    expect(sa?.sources.map((s) => s.file)).toContain('samples/eksctl/cluster.yaml');
    expect(m.relations.some((r) => r.type === 'assumes' && r.from === SA && m.entities.some((e) => e.id === r.to && e.kind === 'IamRole'))).toBe(true);
  });
});
