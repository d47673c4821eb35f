import { describe, expect, it } from 'vitest';
import { lower as lowerCfn } from '../cloudformation/helpers.js';
import { HEADER, lowerText } from './helpers.js';

const subnet = (topology: string, key: string) => `Subnet:eksctl:c1/${topology}/${key}`;
const ZONES = 'availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]\n';

describe('eksctl node group placement (J20: availabilityZones → subnets)', () => {
  it.each(['managedNodeGroups', 'nodeGroups'])('%s: availabilityZones with privateNetworking pick the private subnets of those AZs', (list) => {
    const l = lowerText(`${HEADER}${ZONES}${list}:\n  - {name: ng, privateNetworking: true, availabilityZones: [eu-west-1c, eu-west-1a]}\n`);
    const ng = l.entity('NodeGroup:c1/ng');
    expect(ng.props['subnets']).toEqual([subnet('private', 'eu-west-1c'), subnet('private', 'eu-west-1a')]);
    expect(ng.props['availabilityZones']).toEqual(['eu-west-1c', 'eu-west-1a']);
    // The AZs are declared and the subnets follow from them by eksctl's rule: neither is a default.
    expect(ng.defaulted).not.toContain('subnets');
    expect(ng.defaulted).not.toContain('availabilityZones');
  });

  it.each(['managedNodeGroups', 'nodeGroups'])('%s: availabilityZones without privateNetworking pick the public subnets', (list) => {
    const l = lowerText(`${HEADER}${ZONES}${list}:\n  - {name: ng, availabilityZones: [eu-west-1b]}\n`);
    expect(l.entity('NodeGroup:c1/ng').props['subnets']).toEqual([subnet('public', 'eu-west-1b')]);
  });

  it('the corpus example: ng3-private-b (one AZ) gets the private subnet of that AZ, like ng2 gets all three', () => {
    const l = lowerText(
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: cluster-5, region: eu-west-2}\n' +
        'nodeGroups:\n  - {name: ng2-private-a, privateNetworking: true}\n' +
        '  - {name: ng3-private-b, privateNetworking: true, availabilityZones: ["eu-west-2a"]}\n' +
        'availabilityZones: ["eu-west-2a", "eu-west-2b", "eu-west-2c"]\n',
    );
    const id = (az: string) => `Subnet:eksctl:cluster-5/private/${az}`;
    expect(l.entity('NodeGroup:cluster-5/ng2-private-a').props['subnets']).toEqual([id('eu-west-2a'), id('eu-west-2b'), id('eu-west-2c')]);
    expect(l.entity('NodeGroup:cluster-5/ng3-private-b').props['subnets']).toEqual([id('eu-west-2a')]);
  });

  it('existing subnets: every subnet of the kind in the AZ, by subnet id, AZ by AZ', () => {
    const l = lowerText(
      `${HEADER}vpc:\n  subnets:\n    private:\n      eu-west-1a: {id: subnet-a}\n      eu-west-1b: {id: subnet-b}\n      extra-a: {id: subnet-x, az: eu-west-1a}\n` +
        `    public:\n      eu-west-1a: {id: subnet-pub-a}\n` +
        'managedNodeGroups: [{name: ng, privateNetworking: true, availabilityZones: [eu-west-1b, eu-west-1a]}]\n',
    );
    expect(l.entity('NodeGroup:c1/ng').props['subnets']).toEqual(['subnet-b', 'subnet-a', 'subnet-x']);
  });

  it('availabilityZones and subnets: the AZs’ subnets, then the declared ones not already selected', () => {
    const l = lowerText(
      `${HEADER}vpc:\n  subnets:\n    private:\n      eu-west-1a: {id: subnet-a}\n      eu-west-1b: {id: subnet-b}\n      eu-west-1c: {id: subnet-c}\n` +
        'nodeGroups: [{name: ng, privateNetworking: true, availabilityZones: [eu-west-1a], subnets: [eu-west-1a, subnet-a, subnet-c]}]\n',
    );
    const ng = l.entity('NodeGroup:c1/ng');
    expect(ng.props['subnets']).toEqual(['subnet-a', 'subnet-c']);
    expect(ng.props['availabilityZones']).toEqual(['eu-west-1a']);
    expect(ng.defaulted).not.toContain('subnets');
  });

  it('only subnets: kept as declared (unchanged)', () => {
    const l = lowerText(`${HEADER}${ZONES}managedNodeGroups: [{name: ng, subnets: [eu-west-1b]}]\n`);
    const ng = l.entity('NodeGroup:c1/ng');
    expect(ng.props).toMatchObject({ subnets: ['eu-west-1b'], availabilityZones: ['eu-west-1b'] });
    expect(ng.defaulted).not.toContain('subnets');
  });

  it('AZs eksctl picks at random (no cluster availabilityZones): the node group AZs match no known subnet, none guessed', () => {
    const l = lowerText(`${HEADER}managedNodeGroups: [{name: ng, privateNetworking: true, availabilityZones: [eu-west-1a]}]\n`);
    const ng = l.entity('NodeGroup:c1/ng');
    expect(ng.props['subnets']).toBeUndefined();
    expect(ng.props['availabilityZones']).toEqual(['eu-west-1a']);
    expect(ng.defaulted).not.toContain('subnets');
  });

  it('self-managed localZones select local-zone subnets archmap does not model: zones kept, no subnets', () => {
    const l = lowerText(`${HEADER}${ZONES}nodeGroups: [{name: ng, localZones: [eu-west-1-lax-1a]}]\n`);
    const ng = l.entity('NodeGroup:c1/ng');
    expect(ng.props['subnets']).toBeUndefined();
    expect(ng.props['availabilityZones']).toEqual(['eu-west-1-lax-1a']);
  });
});

describe('eksctl cluster ipFamily', () => {
  it('defaults to ipv4, in the EKS API / CloudFormation spelling, marked', () => {
    const c = lowerText(HEADER).entity('Cluster:c1');
    expect(c.props['ipFamily']).toBe('ipv4');
    expect(c.defaulted).toContain('ipFamily');
  });

  it('the same value as the CloudFormation front end gives the same cluster', () => {
    const cfn = lowerCfn({ 'eks.yaml': 'Resources:\n  C: {Type: AWS::EKS::Cluster, Properties: {Name: c1, RoleArn: r, ResourcesVpcConfig: {SubnetIds: [s]}}}\n' });
    expect(cfn.byId('Cluster:c1')?.props['ipFamily']).toBe(lowerText(HEADER).entity('Cluster:c1').props['ipFamily']);
  });

  it('declared IPv6 is written ipv6, not marked', () => {
    const c = lowerText(`${HEADER}kubernetesNetworkConfig: {ipFamily: IPv6}\n`).entity('Cluster:c1');
    expect(c.props['ipFamily']).toBe('ipv6');
    expect(c.defaulted).not.toContain('ipFamily');
  });
});

describe('eksctl capacity settings', () => {
  it('self-managed instancesDistribution: the on-demand base, percentage and spot strategy are read as declared', () => {
    const l = lowerText(
      `${HEADER}nodeGroups:\n  - name: ng\n    instancesDistribution:\n      maxPrice: 0.017\n      instanceTypes: [t3.small, t3.medium]\n` +
        '      onDemandBaseCapacity: 1\n      onDemandPercentageAboveBaseCapacity: 25\n      spotInstancePools: 2\n      spotAllocationStrategy: capacity-optimized\n',
    );
    const ng = l.entity('NodeGroup:c1/ng');
    expect(ng.props).toMatchObject({
      instanceTypes: ['t3.small', 't3.medium'],
      capacityType: 'SPOT',
      onDemandBaseCapacity: 1,
      onDemandPercentageAboveBaseCapacity: 25,
      spotAllocationStrategy: 'capacity-optimized',
    });
    // maxPrice and spotInstancePools have no model prop.
    expect(Object.keys(ng.props)).not.toContain('maxPrice');
    expect(Object.keys(ng.props)).not.toContain('spotInstancePools');
    for (const k of ['onDemandBaseCapacity', 'onDemandPercentageAboveBaseCapacity', 'spotAllocationStrategy']) expect(ng.defaulted).not.toContain(k);
  });

  it('fields left out of instancesDistribution are absent (AWS defaults them, not eksctl); 0 is kept', () => {
    const l = lowerText(`${HEADER}nodeGroups:\n  - name: ng\n    instancesDistribution: {instanceTypes: [t3.small], onDemandPercentageAboveBaseCapacity: 0}\n`);
    const props = l.entity('NodeGroup:c1/ng').props;
    expect(props['onDemandPercentageAboveBaseCapacity']).toBe(0);
    expect(props['capacityType']).toBe('SPOT');
    expect(props['onDemandBaseCapacity']).toBeUndefined();
    expect(props['spotAllocationStrategy']).toBeUndefined();
  });

  it('no instancesDistribution: none of those props', () => {
    const props = lowerText(`${HEADER}nodeGroups: [{name: ng}]\n`).entity('NodeGroup:c1/ng').props;
    for (const k of ['onDemandBaseCapacity', 'onDemandPercentageAboveBaseCapacity', 'spotAllocationStrategy']) expect(props[k]).toBeUndefined();
  });

  it('managed spot: true is capacity type SPOT, declared; without it ON_DEMAND, marked', () => {
    const l = lowerText(`${HEADER}managedNodeGroups: [{name: spot, spot: true}, {name: od}]\n`);
    expect(l.entity('NodeGroup:c1/spot').props['capacityType']).toBe('SPOT');
    expect(l.entity('NodeGroup:c1/spot').defaulted).not.toContain('capacityType');
    expect(l.entity('NodeGroup:c1/od').props['capacityType']).toBe('ON_DEMAND');
    expect(l.entity('NodeGroup:c1/od').defaulted).toContain('capacityType');
  });

  it('a managed launchTemplate is kept; the instance type and volumes it gives get no eksctl default', () => {
    const l = lowerText(`${HEADER}managedNodeGroups:\n  - {name: lt, launchTemplate: {id: lt-1234, version: "3"}}\n  - {name: lt-typed, instanceTypes: [c5.large], volumeSize: 50, launchTemplate: {id: lt-9}}\n  - {name: plain}\n`);
    const lt = l.entity('NodeGroup:c1/lt');
    expect(lt.props).toMatchObject({ launchTemplate: { id: 'lt-1234', version: '3' } });
    for (const k of ['instanceTypes', 'volumeSize', 'volumeType']) {
      expect(lt.props[k]).toBeUndefined();
      expect(lt.defaulted).not.toContain(k);
    }
    expect(l.entity('NodeGroup:c1/lt-typed').props).toMatchObject({ launchTemplate: { id: 'lt-9' }, instanceTypes: ['c5.large'], volumeSize: 50 });
    const plain = l.entity('NodeGroup:c1/plain');
    expect(plain.props['launchTemplate']).toBeUndefined();
    expect(plain.props).toMatchObject({ instanceTypes: ['m5.large'], volumeSize: 80 });
    expect(plain.defaulted).toEqual(expect.arrayContaining(['instanceTypes', 'volumeSize', 'volumeType']));
  });
});
