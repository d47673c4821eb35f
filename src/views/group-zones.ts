/**
 * Where a node group or Fargate profile places its nodes: the AZs (declared `availabilityZones`, else
 * the AZs of its subnets) and whether those subnets are public or private. eksctl fills both from
 * the cluster's subnets when a group names none, so the text says when that is a default.
 */
import { cmp } from '../core/order.js';
import type { Entity, PropValue } from '../model/entity.js';
import { isUnresolved } from '../model/entity.js';
import { displayValue, propString } from '../model/read.js';
import type { SubnetRefs } from '../model/subnet-refs.js';
import { DEFAULT_MARKER, containsUnresolved, isDefaulted, listText } from './format.js';

export interface Placement {
  /** `AZs: a, b, c` and `private subnets (default)`, as far as known. */
  readonly lines: string[];
  readonly unresolved: boolean;
}

export function groupPlacement(g: Entity, subnets: SubnetRefs): Placement {
  const refs = Array.isArray(g.props['subnets']) ? (g.props['subnets'] as readonly PropValue[]) : [];
  const found = refs.map((r) => subnets.find(r)).filter((s): s is Entity => s !== undefined);
  const declared = g.props['availabilityZones'];
  const zones = Array.isArray(declared) && declared.length > 0 ? (declared as readonly PropValue[]) : found.map((s) => s.props['az']).filter((z) => z !== undefined);
  const topologies = [...new Set(found.map((s) => propString(s, 'topology')).filter((t) => t !== undefined))].sort(cmp);
  const mark = isDefaulted(g, 'subnets') || isDefaulted(g, 'availabilityZones') ? DEFAULT_MARKER : '';
  const lines: string[] = [];
  const zoneText = zonesText(zones);
  if (zoneText !== undefined) lines.push(`AZs: ${zoneText}${mark}`);
  else if (refs.length > 0) lines.push(`subnets: ${listText(refs.map((r) => displayValue(r)), 3)}${mark}`);
  if (topologies.length > 0) lines.push(`${topologies.join(' + ')} subnets${mark}`);
  else if (typeof g.props['privateNetworking'] === 'boolean') {
    // eksctl's `privateNetworking` picks the cluster's private or public subnets in the group's AZs.
    lines.push(`${g.props['privateNetworking'] ? 'private' : 'public'} subnets${isDefaulted(g, 'privateNetworking') ? DEFAULT_MARKER : ''}`);
  }
  return { lines, unresolved: zones.some((z) => containsUnresolved(z)) };
}

/**
 * Known AZs by name; zones only known by position (`Fn::GetAZs`, eksctl's pick at creation time,
 * `AZ(region,i)`) as a count per region: `ap-northeast-1a, ⟨2 AZs of eu-west-1⟩`.
 */
function zonesText(zones: readonly PropValue[]): string | undefined {
  const named = new Set<string>();
  const byPosition = new Map<string, Set<string>>();
  for (const z of zones) {
    const m = isUnresolved(z) ? /^AZ\((.*),\s*(\d+)\)$/.exec(z.unresolved) : null;
    if (m) {
      const region = m[1] || 'the region';
      let set = byPosition.get(region);
      if (!set) byPosition.set(region, (set = new Set()));
      set.add(m[2] ?? '');
    } else named.add(displayValue(z));
  }
  const parts = compactZones([...named].sort(cmp));
  for (const [region, set] of [...byPosition].sort((a, b) => cmp(a[0], b[0]))) parts.push(`⟨${set.size} AZ${set.size === 1 ? '' : 's'} of ${region}⟩`);
  return parts.length > 0 ? listText(parts, 4) : undefined;
}

/** `ap-northeast-1a/c/d` for zones of one region that differ only in their letter. */
function compactZones(zones: readonly string[]): string[] {
  if (zones.length < 2) return [...zones];
  const m = zones.map((z) => /^([a-z]{2}(?:-[a-z]+)+-\d+)([a-z])$/.exec(z));
  const region = m[0]?.[1];
  if (region === undefined || m.some((x) => x?.[1] !== region)) return [...zones];
  return [`${region}${m.map((x) => x?.[2] ?? '').join('/')}`];
}

/** `public subnets · ap-northeast-1a/c/d` for the subnets something is placed in. */
export function subnetSpread(subnets: readonly Entity[]): string | undefined {
  if (subnets.length === 0) return undefined;
  const topologies = [...new Set(subnets.map((s) => propString(s, 'topology')))].filter((t): t is string => t !== undefined && t !== 'unknown').sort(cmp);
  const zones = zonesText(subnets.map((s) => s.props['az']).filter((z) => z !== undefined));
  const what = `${topologies.length > 0 ? `${topologies.join(' + ')} ` : ''}subnet${subnets.length === 1 ? '' : 's'}`;
  return zones !== undefined ? `${what} · ${zones}` : `${subnets.length} ${what}`;
}
