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
}

/** Env var names that suggest a secret (DOMAIN D: DAT-03). */
const SECRET_NAME = /(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH)/i;

export function readPodSpec(spec: JsonObject | undefined): PodSpecInfo {
  const out: PodSpecInfo = {};
  if (!spec) return out;
  const refs = { pvc: new Set<string>(), cm: new Set<string>(), secret: new Set<string>(), optional: new Set<string>(), secretEnv: new Set<string>() };
  const containers: ContainerInfo[] = [];
  for (const key of ['initContainers', 'containers']) {
    for (const raw of asArray(spec[key])) {
      const c = asObject(raw);
      if (c) containers.push(readContainer(c, refs));
    }
  }
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
    if (name) refs.secret.add(name);
  }
  if (refs.pvc.size) out.volumeClaims = [...refs.pvc].sort();
  if (refs.cm.size) out.configMapRefs = [...refs.cm].sort();
  if (refs.secret.size) out.secretRefs = [...refs.secret].sort();
  if (refs.optional.size) out.optionalRefs = [...refs.optional].sort();
  if (refs.secretEnv.size) out.secretLikeEnv = [...refs.secretEnv].sort();
  return out;
}

interface RefSets {
  pvc: Set<string>;
  cm: Set<string>;
  secret: Set<string>;
  optional: Set<string>;
  secretEnv: Set<string>;
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
    if (literal && SECRET_NAME.test(name)) refs.secretEnv.add(name);
    const from = asObject(e['valueFrom']);
    addRef(asObject(from?.['configMapKeyRef']), refs.cm, 'ConfigMap', refs);
    addRef(asObject(from?.['secretKeyRef']), refs.secret, 'Secret', refs);
  }
  for (const raw of asArray(c['envFrom'])) {
    const e = asObject(raw);
    addRef(asObject(e?.['configMapRef']), refs.cm, 'ConfigMap', refs);
    addRef(asObject(e?.['secretRef']), refs.secret, 'Secret', refs);
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

function addRef(ref: JsonObject | undefined, set: Set<string>, kind: string, refs: RefSets, nameKey = 'name'): void {
  const name = asString(ref?.[nameKey]);
  if (!ref || !name) return;
  set.add(name);
  if (asBoolean(ref['optional']) === true) refs.optional.add(`${kind}/${name}`);
}

function readVolume(v: JsonObject | undefined, refs: RefSets): void {
  if (!v) return;
  const claim = asString(asObject(v['persistentVolumeClaim'])?.['claimName']);
  if (claim) refs.pvc.add(claim);
  addRef(asObject(v['configMap']), refs.cm, 'ConfigMap', refs);
  addRef(asObject(v['secret']), refs.secret, 'Secret', refs, 'secretName');
  for (const raw of asArray(asObject(v['projected'])?.['sources'])) {
    const s = asObject(raw);
    addRef(asObject(s?.['configMap']), refs.cm, 'ConfigMap', refs);
    addRef(asObject(s?.['secret']), refs.secret, 'Secret', refs);
  }
}
