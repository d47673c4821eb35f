import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const CORPUS = join(SHARED, 'corpus');
export const GENERATOR = join(SHARED, 'tools/gen-eks-fixture.mjs');
export const SAMPLES = join(REPO_ROOT, 'samples');

/** Files of one corpus folder, sorted. */
export function corpusFiles(folder: string): string[] {
  return readdirSync(join(CORPUS, folder)).sort().map((f) => join(CORPUS, folder, f));
}

/** The corpus manifest's `kind` column, by file path relative to the corpus folder. */
export function corpusKinds(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols[0] && cols[4]) out.set(cols[0], cols[4]);
  }
  return out;
}

export interface Truth {
  cluster: string;
  region: string;
  counts: Record<string, number>;
  nodesByNodegroup: Record<string, number>;
  nodesByZone: Record<string, number>;
  podsByNodegroup: Record<string, number>;
  fargatePods: number;
  irsa: { serviceAccount: string; roleArn: string }[];
  loadBalancers: { kind: string; from: string; hostname?: string }[];
  serviceTargets: Record<string, string>;
  ingressTargets: Record<string, string[]>;
  secretValuesThatMustNotAppear: string[];
}

const generated = new Map<string, string>();

/** Generates the shared EKS fixture once per (pods, seed, cluster) and returns its directory. */
export function generateFixture(options: { pods?: number; seed?: number; cluster?: string; json?: boolean } = {}): string {
  const key = JSON.stringify(options);
  const cached = generated.get(key);
  if (cached && existsSync(cached)) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'archmap-fixture-'));
  const args = [GENERATOR, dir, '--pods', String(options.pods ?? 300), '--seed', String(options.seed ?? 1)];
  if (options.cluster) args.push('--cluster', options.cluster);
  if (options.json === false) args.push('--no-json');
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  generated.set(key, dir);
  return dir;
}

export function readTruth(dir: string): Truth {
  return JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
}
