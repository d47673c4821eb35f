/**
 * The generated EKS fixture, Kubernetes side: entity counts per kind equal truth.json for the YAML
 * dump and the JSON dump (two seeds and sizes), the dump's links are there, and no secret value of
 * the fixture appears in any output format.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import { importArchitecture } from '../../src/pipeline.js';
import { renderJson } from '../../src/render/json/render-json.js';
import { renderMarkdown } from '../../src/render/markdown/render-markdown.js';
import { renderMermaid } from '../../src/render/mermaid/render-mermaid.js';
import { generateFixture, readTruth, REPO_ROOT } from '../helpers/paths.js';

const CASES = [
  { pods: 300, seed: 1 },
  { pods: 1200, seed: 7, cluster: 'edge-dev' },
];

/**
 * AWS-side kinds that no Kubernetes object lowers to: the cross-source link passes derive them from
 * what the dump shows (the cluster from node labels, observed node groups, IRSA roles from
 * annotations, load balancers from Ingresses and Services).
 */
const DERIVED_KINDS = new Set(['Cluster', 'NodeGroup', 'IamRole', 'LoadBalancer']);

function countsByKind(model: ArchitectureModel, derived: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of model.entities) {
    if (DERIVED_KINDS.has(e.kind) !== derived) continue;
    const kind = e.kind === 'KubernetesObject' && typeof e.props['kind'] === 'string' ? e.props['kind'] : e.kind;
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

describe.each(CASES)('fixture %j', (options) => {
  const dir = generateFixture(options);
  const truth = readTruth(dir);

  describe.each(['yaml', 'json'])('%s dump', (ext) => {
    let model: ArchitectureModel;
    it('imports', async () => {
      model = await importArchitecture([join(dir, `kubectl/cluster-dump.${ext}`)], { cwd: dir });
      expect(model.inputs.map((i) => i.status)).toEqual(['ok']);
      expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('has one entity per object, per kind as in truth.json', () => {
      expect(countsByKind(model, false)).toEqual(truth.counts);
    });

    it('derives the AWS side the dump shows: one cluster, its node groups, IRSA and aws-auth roles, load balancers', () => {
      // The generator's aws-auth maps the node role `<cluster>-node-role` (system:nodes).
      const awsAuthRoles = model.entities.filter((e) => e.kind === 'IamRole' && model.relations.some((r) => r.rule === 'J40' && r.to === e.id));
      expect(awsAuthRoles.map((e) => e.id)).toEqual([`IamRole:${truth.cluster}-node-role`]);
      expect(countsByKind(model, true)).toEqual({
        Cluster: 1,
        NodeGroup: Object.keys(truth.nodesByNodegroup).length,
        IamRole: new Set(truth.irsa.map((i) => i.roleArn)).size + 1,
        LoadBalancer: truth.loadBalancers.length,
      });
    });

    it('links pods to nodes and owners, services to their workloads, ingresses to services', () => {
      const rels = model.relations;
      const pods = truth.counts['Pod'] ?? 0;
      expect(rels.filter((r) => r.type === 'runs-on' && r.rule === 'J22')).toHaveLength(pods);
      const owned = new Set(rels.filter((r) => r.type === 'owns').map((r) => r.to));
      expect(model.entities.filter((e) => e.kind === 'Pod' && !owned.has(e.id))).toEqual([]);
      for (const [svc, target] of Object.entries(truth.serviceTargets)) {
        const [ns, name] = svc.split('/');
        const [kind, wl] = target.split(' ');
        expect(rels.some((r) => r.from === `Service:${ns}/${name}` && r.type === 'selects' && r.to === `${kind}:${wl}`), svc).toBe(true);
      }
      for (const [ing, services] of Object.entries(truth.ingressTargets)) {
        for (const s of services) expect(rels.some((r) => r.from === `Ingress:${ing}` && r.type === 'routes-to' && r.to === `Service:${s}`)).toBe(true);
      }
      for (const { serviceAccount, roleArn } of truth.irsa) {
        expect(model.entities.find((e) => e.id === `ServiceAccount:${serviceAccount}`)?.props['roleArn']).toBe(roleArn);
      }
    });

    it('leaks no secret value in any output format', () => {
      expect(truth.secretValuesThatMustNotAppear.length).toBeGreaterThan(0);
      for (const out of [renderJson(model), renderMarkdown(model), renderMermaid(model)]) {
        for (const secret of truth.secretValuesThatMustNotAppear) expect(out).not.toContain(secret);
      }
      // The audit still sees the literal secret-looking env var, by name only.
      expect(model.entities.some((e) => Array.isArray(e.props['secretLikeEnv']) && e.props['secretLikeEnv'].includes('DB_PASSWORD'))).toBe(true);
    });
  });
});

/**
 * Worker threads need a built `.js` worker module, so under vitest the dump runs in-thread. Here the
 * sources are built to a temporary directory exactly as `npm run build` does (tsc, then
 * scripts/bundle.mjs), and both CLIs are run with workers forced and small batches: the tsc output's
 * `cli/main.js` (its worker is `frontends/kubernetes/dump/worker.js`, as for the library API) and the
 * bundle `bundle/main.cjs` that package.json's `bin` runs (its worker is `bundle/worker.cjs`). Their
 * JSON output must be byte-identical to the in-thread import.
 */
describe('worker threads (built CLI)', () => {
  it('gives the same model as the in-thread import', async () => {
    // Inside the repo (in the git-ignored .bench/) so the build resolves node_modules.
    mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
    const out = mkdtempSync(join(REPO_ROOT, '.bench', 'build-'));
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(REPO_ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'ignore' });
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle.mjs'), out], { stdio: 'ignore' });
    expect(existsSync(join(out, 'bundle/worker.cjs'))).toBe(true);
    const dir = generateFixture({ pods: 300, seed: 1 });
    for (const ext of ['yaml', 'json']) {
      const file = `kubectl/cluster-dump.${ext}`;
      const inThread = renderJson(await importArchitecture([file], { cwd: dir }));
      for (const main of ['cli/main.js', 'bundle/main.cjs']) {
        const cli = execFileSync(process.execPath, [join(out, main), 'import', file, '-q', '-f', 'json'], {
          cwd: dir,
          env: { ...process.env, ARCHMAP_WORKERS: 'force', ARCHMAP_DUMP_CHUNK_BYTES: '65536' },
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
        expect(cli, `${main} ${file}`).toBe(inThread);
      }
    }
    rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
