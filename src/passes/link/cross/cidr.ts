/**
 * IPv4 CIDR arithmetic and an index of CIDR blocks: a lookup tries each prefix length present in
 * the index once (at most 33 map probes), so joining thousands of nodes to subnets never loops over
 * nodes × subnets.
 */

export interface Cidr {
  readonly network: number;
  readonly prefix: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function parseCidr(text: string): Cidr | undefined {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const ip = parseIpv4(m[1] ?? '');
  const prefix = Number(m[2]);
  if (ip === undefined || prefix > 32) return undefined;
  return { network: mask(ip, prefix), prefix };
}

function mask(ip: number, prefix: number): number {
  if (prefix === 0) return 0;
  const size = 2 ** (32 - prefix);
  return Math.floor(ip / size) * size;
}

/** True when `inner` lies inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && mask(inner.network, outer.prefix) === outer.network;
}

/** Values indexed by CIDR block; `containing(ip)` returns every value whose block holds the address. */
export class CidrIndex<T> {
  private readonly blocks = new Map<string, T[]>();
  private readonly prefixes = new Set<number>();

  add(cidr: Cidr, value: T): void {
    const key = `${cidr.prefix}/${cidr.network}`;
    const list = this.blocks.get(key);
    if (list) list.push(value);
    else this.blocks.set(key, [value]);
    this.prefixes.add(cidr.prefix);
  }

  containing(ip: number): T[] {
    const out: T[] = [];
    for (const prefix of this.prefixes) out.push(...(this.blocks.get(`${prefix}/${mask(ip, prefix)}`) ?? []));
    return out;
  }

  exact(cidr: Cidr): T[] {
    return this.blocks.get(`${cidr.prefix}/${cidr.network}`) ?? [];
  }
}
