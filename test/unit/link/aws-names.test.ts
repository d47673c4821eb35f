import { describe, expect, it } from 'vitest';
import { parseElbHostname, regionOfZone, roleFromArn } from '../../../src/passes/link/cross/aws-names.js';
import { cidrContains, CidrIndex, parseCidr, parseIpv4 } from '../../../src/passes/link/cross/cidr.js';
import { parseVolumeHandle } from '../../../src/passes/link/cross/volumes.js';

describe('ELB hostnames (J31)', () => {
  it.each([
    ['k8s-shop-web-3f2a1b9c0d-1234567890.eu-west-1.elb.amazonaws.com', { lbType: 'application-or-classic', name: 'k8s-shop-web-3f2a1b9c0d', region: 'eu-west-1', internal: false }],
    ['internal-k8s-shop-api-5e6f7a8b9c-42.us-east-2.elb.amazonaws.com', { lbType: 'application-or-classic', name: 'k8s-shop-api-5e6f7a8b9c', region: 'us-east-2', internal: true }],
    ['k8s-shop-api-5e6f7a8b9c-0123456789abcdef.elb.eu-west-1.amazonaws.com', { lbType: 'network', name: 'k8s-shop-api-5e6f7a8b9c', region: 'eu-west-1' }],
    ['a1b2-0123456789abcdef.elb.cn-north-1.amazonaws.com.cn', { lbType: 'network', name: 'a1b2', region: 'cn-north-1' }],
  ])('%s', (host, expected) => expect(parseElbHostname(host)).toEqual(expected));
  it.each(['10.0.0.1', 'shop.example.com', ''])('%s is not an ELB hostname', (host) => expect(parseElbHostname(host)).toBeUndefined());
});

describe('zones, ARNs, volume handles, globs', () => {
  it.each([
    ['eu-west-1b', 'eu-west-1'],
    ['us-west-2-lax-1a', 'us-west-2'],
    ['us-gov-west-1a', 'us-gov-west-1'],
    ['nonsense', undefined],
  ])('zone %s → %s', (zone, region) => expect(regionOfZone(zone)).toBe(region));

  it('reads role name, path and account from a role ARN', () => {
    expect(roleFromArn('arn:aws:iam::111122223333:role/teams/ops/ops-admin')).toEqual({ name: 'ops-admin', path: '/teams/ops/', account: '111122223333' });
    expect(roleFromArn('arn:aws:iam::111122223333:user/alice')).toBeUndefined();
    expect(roleFromArn('not-an-arn')).toBeUndefined();
  });

  it.each([
    ['ebs.csi.aws.com', 'vol-03af2eb9bd2981e5c', { volumeId: 'vol-03af2eb9bd2981e5c' }],
    ['kubernetes.io/aws-ebs', 'aws://eu-west-1a/vol-0abc', { volumeId: 'vol-0abc' }],
    ['efs.csi.aws.com', 'fs-e8a95a42::fsap-068c22f0246419f75', { fileSystemId: 'fs-e8a95a42', accessPointId: 'fsap-068c22f0246419f75' }],
    ['efs.csi.aws.com', 'fs-e8a95a42:/data', { fileSystemId: 'fs-e8a95a42' }],
    ['other.csi', 'whatever', {}],
  ])('%s %s', (driver, handle, expected) => expect(parseVolumeHandle(driver, handle)).toEqual(expected));
});

describe('CIDR index', () => {
  it('parses and contains', () => {
    expect(parseIpv4('10.0.16.4')).toBe(10 * 2 ** 24 + 16 * 256 + 4);
    expect(parseIpv4('10.0.300.1')).toBeUndefined();
    const vpc = parseCidr('10.0.0.0/16');
    const sub = parseCidr('10.0.32.0/20');
    expect(vpc && sub && cidrContains(vpc, sub)).toBe(true);
    expect(vpc && sub && cidrContains(sub, vpc)).toBe(false);
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
  });
  it('finds every block holding an address, nothing else', () => {
    const ix = new CidrIndex<string>();
    for (const c of ['10.0.0.0/16', '10.0.16.0/20', '10.0.32.0/20', '192.168.0.0/16']) {
      const p = parseCidr(c);
      if (p) ix.add(p, c);
    }
    expect(ix.containing(parseIpv4('10.0.17.9') ?? 0).sort()).toEqual(['10.0.0.0/16', '10.0.16.0/20']);
    expect(ix.containing(parseIpv4('172.16.0.1') ?? 0)).toEqual([]);
  });
});
