import { describe, expect, it } from 'vitest';
import { defaultSubnetCidrs, defaultZoneCount, deriveNodeSizes, expandLogTypes } from '../../../src/frontends/eksctl/defaults.js';
import { HEADER, lowerText } from './helpers.js';

describe('deriveNodeSizes (eksctl min/max/desired completion)', () => {
  it.each([
    { declared: {}, expected: { minSize: 2, maxSize: 2, desiredCapacity: 2 }, defaulted: ['minSize', 'maxSize', 'desiredCapacity'] },
    { declared: { desiredCapacity: 4 }, expected: { minSize: 4, maxSize: 4, desiredCapacity: 4 }, defaulted: ['minSize', 'maxSize'] },
    { declared: { minSize: 2, maxSize: 8 }, expected: { minSize: 2, maxSize: 8, desiredCapacity: 2 }, defaulted: ['desiredCapacity'] },
    { declared: { desiredCapacity: 0 }, expected: { minSize: 0, maxSize: 1, desiredCapacity: 0 }, defaulted: ['minSize', 'maxSize'] },
    { declared: { maxSize: 1 }, expected: { minSize: 1, maxSize: 1, desiredCapacity: 1 }, defaulted: ['minSize', 'desiredCapacity'] },
    { declared: { minSize: 3, desiredCapacity: 5 }, expected: { minSize: 3, maxSize: 5, desiredCapacity: 5 }, defaulted: ['maxSize'] },
  ])('$declared', ({ declared, expected, defaulted }) => {
    const sizes = deriveNodeSizes(declared);
    expect({ minSize: sizes.minSize, maxSize: sizes.maxSize, desiredCapacity: sizes.desiredCapacity }).toEqual(expected);
    expect([...sizes.defaulted].sort()).toEqual([...defaulted].sort());
  });
});

describe('defaultSubnetCidrs (vpc/vpc.go split rule)', () => {
  it.each([
    { cidr: '192.168.0.0/16', zones: 3, pub: ['192.168.0.0/19', '192.168.32.0/19', '192.168.64.0/19'], priv: ['192.168.96.0/19', '192.168.128.0/19', '192.168.160.0/19'] },
    { cidr: '10.10.0.0/16', zones: 2, pub: ['10.10.0.0/19', '10.10.32.0/19'], priv: ['10.10.64.0/19', '10.10.96.0/19'] },
    { cidr: '10.0.0.0/20', zones: 3, pub: ['10.0.0.0/23', '10.0.2.0/23', '10.0.4.0/23'], priv: ['10.0.6.0/23', '10.0.8.0/23', '10.0.10.0/23'] },
    { cidr: '10.0.0.0/16', zones: 5, pub: ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20', '10.0.48.0/20', '10.0.64.0/20'], priv: ['10.0.80.0/20', '10.0.96.0/20', '10.0.112.0/20', '10.0.128.0/20', '10.0.144.0/20'] },
  ])('$cidr over $zones AZs', ({ cidr, zones, pub, priv }) => {
    expect(defaultSubnetCidrs(cidr, zones)).toEqual({ public: pub, private: priv });
  });
  it('refuses what it cannot compute', () => {
    expect(defaultSubnetCidrs('not-a-cidr', 3)).toBeUndefined();
    expect(defaultSubnetCidrs('10.0.0.0/30', 3)).toBeUndefined();
  });
});

describe('small defaults', () => {
  it('zone count: 3, but 2 in us-east-1', () => {
    expect([defaultZoneCount('eu-west-1'), defaultZoneCount('us-east-1')]).toEqual([3, 2]);
  });
  it('log types: * and all expand to the five types', () => {
    expect(expandLogTypes(['all'])).toEqual(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']);
    expect(expandLogTypes(['audit', '*', 'api'])).toHaveLength(5);
    expect(expandLogTypes(['audit'])).toEqual(['audit']);
  });
});

/** Defaults as they land on entities: value and `defaulted` marking, declared values left alone. */
describe('defaults on lowered entities', () => {
  const cases: { name: string; body: string; id: string; props: Record<string, unknown>; defaulted: string[]; declared?: string[] }[] = [
    {
      name: 'cluster with nothing set',
      body: '',
      id: 'Cluster:c1',
      props: { version: '1.34', endpointPublicAccess: true, endpointPrivateAccess: false, authenticationMode: 'API_AND_CONFIG_MAP', ipFamily: 'ipv4', supportType: 'EXTENDED', withOIDC: false, logging: [] },
      defaulted: ['version', 'endpointPublicAccess', 'endpointPrivateAccess', 'authenticationMode', 'ipFamily', 'supportType', 'withOIDC', 'logging', 'publicAccessCidrs'],
    },
    {
      name: 'cluster with declared values',
      body: 'vpc:\n  clusterEndpoints: {privateAccess: true}\naccessConfig: {authenticationMode: API}\n',
      id: 'Cluster:c1',
      props: { endpointPublicAccess: true, endpointPrivateAccess: true, authenticationMode: 'API' },
      defaulted: ['endpointPublicAccess'],
      declared: ['endpointPrivateAccess', 'authenticationMode'],
    },
    {
      name: 'fully-private cluster: private endpoint only',
      body: 'privateCluster: {enabled: true}\n',
      id: 'Cluster:c1',
      props: { endpointPublicAccess: false, endpointPrivateAccess: true, fullyPrivate: true },
      defaulted: ['endpointPublicAccess', 'endpointPrivateAccess'],
    },
    {
      name: 'bare self-managed node group',
      body: 'nodeGroups:\n  - name: ng\n',
      id: 'NodeGroup:c1/ng',
      props: {
        instanceTypes: ['m5.large'], minSize: 2, maxSize: 2, desiredCapacity: 2, amiFamily: 'AmazonLinux2023', volumeSize: 80, volumeType: 'gp3',
        disableIMDSv1: true, privateNetworking: false, labels: { 'alpha.eksctl.io/cluster-name': 'c1', 'alpha.eksctl.io/nodegroup-name': 'ng' },
      },
      defaulted: ['instanceTypes', 'minSize', 'maxSize', 'desiredCapacity', 'amiFamily', 'volumeSize', 'volumeType', 'disableIMDSv1', 'privateNetworking', 'labels.alpha.eksctl.io/cluster-name', 'labels.alpha.eksctl.io/nodegroup-name'],
    },
    {
      name: 'managed node group with declared values',
      body: 'managedNodeGroups:\n  - name: ng\n    instanceType: c5.xlarge\n    desiredCapacity: 3\n    volumeSize: 20\n    disableIMDSv1: false\n    spot: true\n',
      id: 'NodeGroup:c1/ng',
      props: { instanceTypes: ['c5.xlarge'], minSize: 3, maxSize: 3, desiredCapacity: 3, volumeSize: 20, disableIMDSv1: false, capacityType: 'SPOT' },
      defaulted: ['minSize', 'maxSize'],
      declared: ['instanceTypes', 'desiredCapacity', 'volumeSize', 'disableIMDSv1', 'capacityType'],
    },
  ];
  it.each(cases)('$name', ({ body, id, props, defaulted, declared }) => {
    const lowered = lowerText(HEADER + body);
    const e = lowered.entity(id);
    expect(e.props).toMatchObject(props);
    for (const d of defaulted) expect(e.defaulted).toContain(d);
    for (const d of declared ?? []) expect(e.defaulted).not.toContain(d);
  });

  it('region: us-west-2 when metadata.region is missing, and marked', () => {
    const e = lowerText('apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c1}\n').entity('Cluster:c1');
    expect(e.props['region']).toBe('us-west-2');
    expect(e.defaulted).toContain('region');
  });

  it('default addons unless disableDefaultAddons; declared ones are not marked', () => {
    const withDefaults = lowerText(`${HEADER}addons: [{name: vpc-cni, version: latest}]\n`);
    expect(withDefaults.ids('Addon')).toEqual(['Addon:c1/coredns', 'Addon:c1/kube-proxy', 'Addon:c1/metrics-server', 'Addon:c1/vpc-cni']);
    expect(withDefaults.entity('Addon:c1/coredns').defaulted).toEqual(['@entity']);
    expect(withDefaults.entity('Addon:c1/vpc-cni').defaulted).toEqual([]);
    const without = lowerText(`${HEADER}addonsConfig: {disableDefaultAddons: true}\n`);
    expect(without.ids('Addon')).toEqual([]);
  });

  it('IRSA service account namespace defaults to "default"', () => {
    const l = lowerText(`${HEADER}iam:\n  withOIDC: true\n  serviceAccounts:\n    - metadata: {name: s3}\n`);
    expect(l.entity('ServiceAccount:default/s3').defaulted).toContain('namespace');
  });

  it('auto mode: general-purpose and system pools by default, marked as default entities', () => {
    const l = lowerText(`${HEADER}autoModeConfig: {enabled: true}\n`);
    expect(l.ids('NodeGroup')).toEqual(['NodeGroup:c1/general-purpose', 'NodeGroup:c1/system']);
    expect(l.entity('NodeGroup:c1/system')).toMatchObject({ props: { nodeGroupType: 'auto-mode' }, defaulted: ['@entity'] });
    expect(lowerText(`${HEADER}autoModeConfig: {enabled: true, nodePools: []}\n`).ids('NodeGroup')).toEqual([]);
  });
});
