/**
 * `Fn::Cidr [ipBlock, count, cidrBits]`: the first `count` subnets of `ipBlock` with `cidrBits` host
 * bits each (prefix = 32 − cidrBits for IPv4, 128 − cidrBits for IPv6), in address order. Pure
 * arithmetic on BigInt, so it is computed offline.
 */

interface Block {
  readonly v6: boolean;
  readonly base: bigint;
  readonly prefix: number;
}

function parseV4(addr: string): bigint | undefined {
  const parts = addr.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256n + BigInt(p), 0n);
}

function parseV6(addr: string): bigint | undefined {
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return undefined;
  const all = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n);
}

function parseBlock(text: string): Block | undefined {
  const [addr, bits, extra] = text.trim().split('/');
  if (addr === undefined || bits === undefined || extra !== undefined || !/^\d{1,3}$/.test(bits)) return undefined;
  const v6 = addr.includes(':');
  const ip = v6 ? parseV6(addr) : parseV4(addr);
  const prefix = Number(bits);
  const width = v6 ? 128 : 32;
  if (ip === undefined || prefix > width) return undefined;
  const size = 1n << BigInt(width - prefix);
  return { v6, base: ip - (ip % size), prefix };
}

function formatV4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run (≥2) of zero groups as `::`. */
function formatV6(n: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt((7 - i) * 16)) & 0xffffn));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

export type CidrResult = { readonly ok: true; readonly blocks: string[] } | { readonly ok: false; readonly message: string };

export function computeCidr(ipBlock: string, count: number, cidrBits: number): CidrResult {
  const block = parseBlock(ipBlock);
  if (!block) return { ok: false, message: 'the IP block is not a CIDR block' };
  const width = block.v6 ? 128 : 32;
  if (!Number.isInteger(count) || count < 1 || count > 256) return { ok: false, message: 'the count must be an integer from 1 to 256' };
  const prefix = width - cidrBits;
  if (!Number.isInteger(cidrBits) || cidrBits < 0 || prefix < block.prefix) {
    return { ok: false, message: "cidrBits must be a non-negative integer no larger than the block's host bits" };
  }
  if (BigInt(count) > 1n << BigInt(prefix - block.prefix)) {
    return { ok: false, message: 'the IP block holds fewer blocks of that size than the count asks for' };
  }
  const size = 1n << BigInt(cidrBits);
  const blocks = Array.from({ length: count }, (_, i) => {
    const base = block.base + BigInt(i) * size;
    return `${block.v6 ? formatV6(base) : formatV4(base)}/${prefix}`;
  });
  return { ok: true, blocks };
}
