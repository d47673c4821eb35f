import { describe, expect, it } from 'vitest';
import { HEADER, lowerText } from './helpers.js';

const subnet = (topology: string, key: string) => `Subnet:eksctl:c1/${topology}/${key}`;
/** The tags of eksctl's cluster stack, which CloudFormation copies onto the VPC and subnets. */
const STACK_TAGS = { 'alpha.eksctl.io/cluster-name': 'c1', 'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'c1' };

describe('eksctl network lowering', () => {
  it('no vpc section: default VPC, 3 public + 3 private subnets with computed CIDRs, one NAT, an IGW — all marked', () => {
    const l = lowerText(`${HEADER}nodeGroups: [{name: ng}]\n`);
    const vpc = l.entity('Vpc:eksctl:c1/vpc');
    expect(vpc.props).toEqual({ cidr: '192.168.0.0/16', tags: { ...STACK_TAGS, Name: 'eksctl-c1-cluster/VPC' } });
    expect(vpc.defaulted).toEqual(['@entity', 'cidr', 'tags']);
    const subnets = l.fragment.entities.filter((e) => e.kind === 'Subnet');
    expect(subnets).toHaveLength(6);
    for (const s of subnets) expect(s.defaulted).toContain('@entity');
    const cidrs = (topology: string) => subnets.filter((s) => s.props['topology'] === topology).map((s) => s.props['cidr']).sort();
    expect(cidrs('public')).toEqual(['192.168.0.0/19', '192.168.32.0/19', '192.168.64.0/19']);
    expect(cidrs('private')).toEqual(['192.168.128.0/19', '192.168.160.0/19', '192.168.96.0/19']);
    // The AZs are chosen at random by eksctl: unknown offline, kept as explicit placeholders.
    expect(l.entity(subnet('public', 'AZ(eu-west-1,0)')).props['az']).toEqual({ unresolved: 'AZ(eu-west-1,0)' });
    const nats = l.ids('NatGateway');
    expect(nats).toEqual(['NatGateway:eksctl:c1/nat']);
    expect(l.entity(nats[0] ?? '').defaulted).toContain('@entity');
    expect(l.relation('contains', subnet('public', 'AZ(eu-west-1,0)'), 'NatGateway:eksctl:c1/nat')).toBeDefined();
    expect(l.entity('InternetGateway:eksctl:c1/igw').defaulted).toEqual(['@entity']);
    expect(l.relation('contains', 'Vpc:eksctl:c1/vpc', subnet('private', 'AZ(eu-west-1,2)'))).toBeDefined();
    // The node group lands in the public subnets (privateNetworking defaults to false).
    expect(l.entity('NodeGroup:c1/ng').props['subnets']).toEqual([0, 1, 2].map((i) => subnet('public', `AZ(eu-west-1,${i})`)));
  });

  it('availabilityZones name the AZs of the default subnets, and node groups get them', () => {
    const l = lowerText(`${HEADER}availabilityZones: [eu-west-1a, eu-west-1b]\nmanagedNodeGroups: [{name: ng, privateNetworking: true}]\n`);
    expect(l.ids('Subnet')).toEqual([subnet('private', 'eu-west-1a'), subnet('private', 'eu-west-1b'), subnet('public', 'eu-west-1a'), subnet('public', 'eu-west-1b')]);
    expect(l.entity(subnet('private', 'eu-west-1a')).props).toMatchObject({ az: 'eu-west-1a', cidr: '192.168.64.0/19' });
    expect(l.entity('NodeGroup:c1/ng').props['availabilityZones']).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(l.entity('NodeGroup:c1/ng').defaulted).toContain('availabilityZones');
  });

  it.each([
    { gateway: 'HighlyAvailable', nats: 3 },
    { gateway: 'Single', nats: 1 },
    { gateway: 'Disable', nats: 0 },
  ])('vpc.nat.gateway $gateway → $nats NAT gateway(s), declared', ({ gateway, nats }) => {
    const l = lowerText(`${HEADER}vpc:\n  nat: {gateway: ${gateway}}\n`);
    expect(l.ids('NatGateway')).toHaveLength(nats);
    for (const id of l.ids('NatGateway')) expect(l.entity(id).defaulted).toEqual([]);
  });

  it('NAT disabled: private subnets have no egress (isolated)', () => {
    const l = lowerText(`${HEADER}vpc:\n  nat: {gateway: Disable}\n`);
    expect(l.entity(subnet('private', 'AZ(eu-west-1,0)')).props['topology']).toBe('isolated');
  });

  it('existing VPC: declared subnets by AZ key or alias, no NAT or IGW invented', () => {
    const l = lowerText(
      `${HEADER}vpc:\n  id: vpc-1\n  subnets:\n    private:\n      eu-west-1a: {id: subnet-a}\n      db: {id: subnet-b, az: eu-west-1b, cidr: 10.0.2.0/24}\n      other: {id: subnet-c}\n`,
    );
    expect(l.entity('Vpc:eksctl:c1/vpc').props).toEqual({ vpcId: 'vpc-1' });
    expect(l.entity('Vpc:eksctl:c1/vpc').defaulted).toEqual([]);
    expect(l.entity(subnet('private', 'eu-west-1a')).props).toMatchObject({ subnetId: 'subnet-a', az: 'eu-west-1a' });
    expect(l.entity(subnet('private', 'db')).props).toMatchObject({ subnetId: 'subnet-b', az: 'eu-west-1b', cidr: '10.0.2.0/24' });
    expect(l.entity(subnet('private', 'other')).props['az']).toEqual({ unresolved: 'AZ(subnet-c)' });
    expect(l.ids('NatGateway')).toEqual([]);
    expect(l.ids('InternetGateway')).toEqual([]);
  });

  it('node group subnets by alias resolve to their AZs', () => {
    const l = lowerText(
      `${HEADER}vpc:\n  subnets:\n    public:\n      pub-a: {az: eu-west-1a, cidr: 10.0.0.0/24}\n      pub-b: {az: eu-west-1b, cidr: 10.0.1.0/24}\nnodeGroups: [{name: ng, subnets: [pub-b]}]\n`,
    );
    expect(l.entity('NodeGroup:c1/ng').props).toMatchObject({ subnets: ['pub-b'], availabilityZones: ['eu-west-1b'] });
  });

  it('fully-private cluster: private subnets only, no IGW, no NAT, nodes private', () => {
    const l = lowerText(`${HEADER}privateCluster: {enabled: true}\nnodeGroups: [{name: ng}]\n`);
    expect(l.ids('Subnet').every((id) => id.includes('/private/'))).toBe(true);
    expect(l.ids('InternetGateway')).toEqual([]);
    expect(l.ids('NatGateway')).toEqual([]);
    expect(l.entity('NodeGroup:c1/ng').props['privateNetworking']).toBe(true);
  });

  it('custom VPC CIDR: subnets computed from it, VPC not a default entity', () => {
    const l = lowerText(`${HEADER}vpc: {cidr: 10.42.0.0/16}\n`);
    expect(l.entity('Vpc:eksctl:c1/vpc').defaulted).toEqual(['tags']);
    expect(l.entity(subnet('public', 'AZ(eu-west-1,0)')).props['cidr']).toBe('10.42.0.0/19');
  });

  it('what eksctl creates carries its stack tags and metadata.tags; subnets are tagged for load balancers and named as eksctl names them', () => {
    const l = lowerText(`${HEADER}  tags: {karpenter.sh/discovery: c1, team: shop}\navailabilityZones: [eu-west-1a, eu-west-1b]\n`);
    const user = { 'karpenter.sh/discovery': 'c1', team: 'shop' };
    expect(l.entity(subnet('public', 'eu-west-1a')).props['tags']).toEqual({
      ...STACK_TAGS,
      ...user,
      'kubernetes.io/role/elb': '1',
      Name: 'eksctl-c1-cluster/SubnetPublicEUWEST1A',
    });
    expect(l.entity(subnet('private', 'eu-west-1b')).props['tags']).toEqual({
      ...STACK_TAGS,
      ...user,
      'kubernetes.io/role/internal-elb': '1',
      Name: 'eksctl-c1-cluster/SubnetPrivateEUWEST1B',
    });
    expect(l.entity(subnet('public', 'eu-west-1a')).defaulted).toContain('tags');
    // Random AZs: no Name (eksctl's name holds the AZ), the rest of the tags still.
    const random = lowerText(`${HEADER}vpc: {cidr: 10.42.0.0/16}\n`).entity(subnet('private', 'AZ(eu-west-1,1)'));
    expect(random.props['tags']).toEqual({ ...STACK_TAGS, 'kubernetes.io/role/internal-elb': '1' });
  });

  it('existing subnets and VPC get no tags: their tags are not in the file', () => {
    const l = lowerText(`${HEADER}  tags: {team: shop}\nvpc:\n  subnets:\n    private:\n      eu-west-1a: {id: subnet-a}\n`);
    expect(l.entity(subnet('private', 'eu-west-1a')).props['tags']).toBeUndefined();
    expect(l.entity('Vpc:eksctl:c1/vpc').props['tags']).toBeUndefined();
  });
});
