import { describe, expect, it } from 'vitest';
import { computeCidr } from '../../../src/frontends/cloudformation/cidr.js';

describe('Fn::Cidr arithmetic', () => {
  it.each([
    // The CloudFormation documentation example: 6 blocks of 5 host bits in a /24.
    ['192.168.0.0/24', 6, 5, ['192.168.0.0/27', '192.168.0.32/27', '192.168.0.64/27', '192.168.0.96/27', '192.168.0.128/27', '192.168.0.160/27']],
    ['10.0.0.0/16', 3, 8, ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']],
    ['10.0.0.0/16', 2, 12, ['10.0.0.0/20', '10.0.16.0/20']],
    // The base is normalised to the network address.
    ['10.0.3.7/16', 1, 14, ['10.0.0.0/18']],
    ['2001:db8::/56', 2, 64, ['2001:db8::/64', '2001:db8:0:1::/64']],
    ['2600:1f14:abc:d500::/56', 3, 64, ['2600:1f14:abc:d500::/64', '2600:1f14:abc:d501::/64', '2600:1f14:abc:d502::/64']],
  ])('%s × %i with %i host bits', (block, count, bits, expected) => {
    expect(computeCidr(block, count, bits)).toEqual({ ok: true, blocks: expected });
  });

  it.each([
    ['not-a-cidr', 2, 8],
    ['10.0.0.0/33', 1, 8],
    ['10.0.0.0/24', 2, 9],
    ['10.0.0.0/24', 9, 5],
    ['10.0.0.0/24', 0, 5],
    ['300.0.0.0/24', 1, 4],
  ])('rejects %s × %i / %i', (block, count, bits) => {
    expect(computeCidr(block, count, bits).ok).toBe(false);
  });
});
