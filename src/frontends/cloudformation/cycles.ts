/**
 * Circular dependencies between the resources of one template (`Ref`, `Fn::GetAtt`, `Fn::Sub`,
 * `DependsOn`), which CloudFormation rejects ("Circular dependency between resources"). Each cycle
 * is one diagnostic at its first resource, naming every resource of it. Templates with a transform
 * archmap does not expand (SAM, macros) are not checked: the transform rewrites resources before
 * CloudFormation orders them (SAM moves `DeploymentPreference.Alarms` of a function into a CodeDeploy
 * deployment group it generates, so an alarm on the function is no cycle).
 */
import { cmp } from '../../core/order.js';
import type { Stack } from './stack.js';
import { unexpandedTransforms } from './template.js';

const SHOWN = 10;

/** Reports each group of resources that depend on each other, and each resource that depends on itself. */
export function reportCycles(stack: Stack, refersTo: ReadonlyMap<string, readonly string[]>): void {
  if (unexpandedTransforms(stack.template.transforms).length > 0) return;
  for (const cycle of dependencyCycles(refersTo)) {
    const [first] = cycle;
    const decl = first === undefined ? undefined : stack.resources.get(first);
    if (!decl) continue;
    const names = cycle.length > SHOWN ? `${cycle.slice(0, SHOWN).join(', ')} and ${cycle.length - SHOWN} more` : cycle.join(', ');
    const what = cycle.length === 1 ? `resource ${names} depends on itself` : `resources ${names} depend on each other`;
    stack.report(stack.lenient ? 'warning' : 'error', 'cfn/circular-dependency', decl.path, `${what}; CloudFormation rejects circular dependencies`);
  }
}

/**
 * The strongly connected components of `edges` with more than one node or a self-edge, each sorted,
 * in order of their first node. Tarjan's algorithm with an explicit stack (templates can hold
 * thousands of resources in one chain).
 */
export function dependencyCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (!top) break;
      const targets = edges.get(top.node) ?? [];
      if (top.child < targets.length) {
        const to = targets[top.child++];
        if (to === undefined || !edges.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, child: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(top.node) ?? 0));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
        onStack.delete(n);
        component.push(n);
        if (n === top.node) break;
      }
      if (component.length > 1 || targets.includes(top.node)) out.push(component.sort(cmp));
    }
  }
  return out.sort((a, b) => cmp(a[0] ?? '', b[0] ?? ''));
}
