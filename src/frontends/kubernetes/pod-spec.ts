/**
 * Reads a pod spec (a Pod's `spec`, or a workload's `spec.template.spec`) into what the model keeps:
 * containers (name, image, env var NAMES, ports), the service account and references to PVCs,
 * ConfigMaps and Secrets. Env values, args and commands are never read: they can carry secrets.
 * Only the NAME of an env var with a literal value that looks secret is kept, for the audit.
 */
import { asArray, asBoolean, asNumber, asObject, asString, asStringMap, type JsonObject } from '../../core/guards.js';
import type { ContainerInfo } from '../../model/props.js';

export interface PodSpecInfo {
  containers?: ContainerInfo[];
  serviceAccount?: string;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  hostNetwork?: boolean;
  volumeClaims?: string[];
  configMapRefs?: string[];
  secretRefs?: string[];
  /** Refs marked `optional: true`: not dangling when absent. */
  optionalRefs?: string[];
  secretLikeEnv?: string[];
  /** Secrets read into env vars (`env[].valueFrom.secretKeyRef`, `envFrom[].secretRef`), also in `secretRefs`. */
  envSecretRefs?: string[];
}

/** Env var names that suggest a secret (DOMAIN D: DAT-03). */
const SECRET_NAME = /(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH)/i;

export function readPodSpec(spec: JsonObject | undefined): PodSpecInfo {
  const out: PodSpecInfo = {};
  if (!spec) return out;
  const refs = new RefSets();
  const containers: ContainerInfo[] = [];
  readContainers(spec['initContainers'], containers, refs);
  readContainers(spec['containers'], containers, refs);
  if (containers.length) out.containers = containers;
  const sa = asString(spec['serviceAccountName']) ?? asString(spec['serviceAccount']);
  if (sa) out.serviceAccount = sa;
  const nodeName = asString(spec['nodeName']);
  if (nodeName) out.nodeName = nodeName;
  const nodeSelector = asStringMap(spec['nodeSelector']);
  if (nodeSelector && Object.keys(nodeSelector).length) out.nodeSelector = nodeSelector;
  if (asBoolean(spec['hostNetwork']) === true) out.hostNetwork = true;
  for (const raw of asArray(spec['volumes'])) readVolume(asObject(raw), refs);
  for (const raw of asArray(spec['imagePullSecrets'])) {
    const name = asString(asObject(raw)?.['name']);
    if (name) refs.add('secret', name);
  }
  if (refs.pvc) out.volumeClaims = [...refs.pvc].sort();
  if (refs.cm) out.configMapRefs = [...refs.cm].sort();
  if (refs.secret) out.secretRefs = [...refs.secret].sort();
  if (refs.optional) out.optionalRefs = [...refs.optional].sort();
  if (refs.secretEnv) out.secretLikeEnv = [...refs.secretEnv].sort();
  if (refs.envSecret) out.envSecretRefs = [...refs.envSecret].sort();
  return out;
}

/** The names a pod spec refers to; each set is made only when it gets a first name (most pods have none). */
class RefSets {
  pvc: Set<string> | undefined;
  cm: Set<string> | undefined;
  secret: Set<string> | undefined;
  optional: Set<string> | undefined;
  secretEnv: Set<string> | undefined;
  envSecret: Set<string> | undefined;

  add(which: 'pvc' | 'cm' | 'secret' | 'optional' | 'secretEnv' | 'envSecret', name: string): void {
    (this[which] ??= new Set()).add(name);
  }
}

function readContainers(list: unknown, out: ContainerInfo[], refs: RefSets): void {
  if (!Array.isArray(list)) return;
  for (const raw of list) {
    const c = asObject(raw);
    if (c) out.push(readContainer(c, refs));
  }
}

function readContainer(c: JsonObject, refs: RefSets): ContainerInfo {
  const info: ContainerInfo = { name: asString(c['name']) ?? '' };
  const image = asString(c['image']);
  if (image) info.image = image;
  const envNames: string[] = [];
  for (const raw of asArray(c['env'])) {
    const e = asObject(raw);
    const name = asString(e?.['name']);
    if (!e || !name) continue;
    envNames.push(name);
    // Only whether a literal value exists is looked at, never the value itself.
    const literal = typeof e['value'] === 'string' ? e['value'] !== '' : e['value'] !== undefined && e['value'] !== null;
    if (literal && SECRET_NAME.test(name)) refs.add('secretEnv', name);
    const from = asObject(e['valueFrom']);
    addRef(asObject(from?.['configMapKeyRef']), 'cm', 'ConfigMap', refs);
    addEnvSecret(asObject(from?.['secretKeyRef']), refs);
  }
  for (const raw of asArray(c['envFrom'])) {
    const e = asObject(raw);
    addRef(asObject(e?.['configMapRef']), 'cm', 'ConfigMap', refs);
    addEnvSecret(asObject(e?.['secretRef']), refs);
  }
  if (envNames.length) info.envNames = envNames;
  const ports: number[] = [];
  for (const raw of asArray(c['ports'])) {
    const p = asNumber(asObject(raw)?.['containerPort']);
    if (p !== undefined) ports.push(p);
  }
  if (ports.length) info.ports = ports;
  const sc = asObject(c['securityContext']);
  if (asBoolean(sc?.['privileged']) === true) info.privileged = true;
  return info;
}

/** Records a reference; returns the name it names, if any. */
function addRef(ref: JsonObject | undefined, set: 'cm' | 'secret', kind: string, refs: RefSets, nameKey = 'name'): string | undefined {
  const name = asString(ref?.[nameKey]);
  if (!ref || !name) return undefined;
  refs.add(set, name);
  if (asBoolean(ref['optional']) === true) refs.add('optional', `${kind}/${name}`);
  return name;
}

/** A Secret read into env vars: a reference (`secretRefs`) that DAT-02 also wants to know came through env. */
function addEnvSecret(ref: JsonObject | undefined, refs: RefSets): void {
  const name = addRef(ref, 'secret', 'Secret', refs);
  if (name) refs.add('envSecret', name);
}

function readVolume(v: JsonObject | undefined, refs: RefSets): void {
  if (!v) return;
  const claim = asString(asObject(v['persistentVolumeClaim'])?.['claimName']);
  if (claim) refs.add('pvc', claim);
  addRef(asObject(v['configMap']), 'cm', 'ConfigMap', refs);
  addRef(asObject(v['secret']), 'secret', 'Secret', refs, 'secretName');
  for (const raw of asArray(asObject(v['projected'])?.['sources'])) {
    const s = asObject(raw);
    addRef(asObject(s?.['configMap']), 'cm', 'ConfigMap', refs);
    addRef(asObject(s?.['secret']), 'secret', 'Secret', refs);
  }
}
