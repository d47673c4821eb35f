/**
 * Subnets by every way inputs reference them: entity id, subnet id, CIDR, and `Name` tag (load
 * balancer annotations). Shared by the link passes and the views, built once per use.
 */
import type { Entity, PropValue } from './entity.js';
import { propMap, propString } from './read.js';

export class SubnetRefs {
  private readonly byRef = new Map<string, Entity[]>();

  constructor(subnets: Iterable<Entity>) {
    for (const s of subnets) {
      const refs = new Set([s.id, propString(s, 'subnetId'), propString(s, 'cidr'), propMap(s, 'tags')['Name']]);
      for (const ref of refs) {
        if (ref === undefined) continue;
        const list = this.byRef.get(ref);
        if (list) list.push(s);
        else this.byRef.set(ref, [s]);
      }
    }
  }

  /** Every subnet a reference names (a Name tag can be shared); none for placeholders. */
  all(ref: PropValue): readonly Entity[] {
    return typeof ref === 'string' ? (this.byRef.get(ref) ?? []) : [];
  }

  /**
   * The one subnet a reference surely names: the subnet with that entity id, else the only subnet
   * with that subnet id, CIDR or Name tag (a CIDR shared by subnets of several VPCs names none).
   */
  unique(ref: PropValue): Entity | undefined {
    const all = this.all(ref);
    return all.find((s) => s.id === ref) ?? (all.length === 1 ? all[0] : undefined);
  }

  /** The first subnet a reference names. */
  find(ref: PropValue): Entity | undefined {
    return this.all(ref)[0];
  }
}
