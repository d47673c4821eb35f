/** IPv4 CIDR arithmetic for eksctl's default subnet layout (no dependencies, integers only). */

interface Ipv4Cidr {
  readonly base: number;
  readonly prefix: number;
}

export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  // Normalise to the network address, as eksctl's net.ParseCIDR does.
  return { base: ip - (ip % size), prefix };
}

export function formatIpv4Cidr(cidr: Ipv4Cidr): string {
  const octets: number[] = [];
  let n = cidr.base;
  for (let i = 0; i < 4; i += 1) {
    octets.unshift(n % 256);
    n = Math.floor(n / 256);
  }
  return `${octets.join('.')}/${cidr.prefix}`;
}

/** The first `count` blocks of prefix `prefix + extraBits` inside `cidr`, in address order. */
export function splitIpv4Cidr(text: string, extraBits: number, count: number): string[] | undefined {
  const cidr = parseIpv4Cidr(text);
  if (!cidr || cidr.prefix + extraBits > 32 || count > 2 ** extraBits) return undefined;
  const prefix = cidr.prefix + extraBits;
  const size = 2 ** (32 - prefix);
  return Array.from({ length: count }, (_, i) => formatIpv4Cidr({ base: cidr.base + i * size, prefix }));
}
