/**
 * Secret values never enter the model: Secret data/stringData, ConfigMap values, env values, args,
 * commands, last-applied-configuration and other annotations, managedFields. Checked on both ways
 * in (general loader, streamed dump) and on every output format.
 */
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../../src/pipeline.js';
import { renderJson } from '../../../src/render/json/render-json.js';
import { renderMarkdown } from '../../../src/render/markdown/render-markdown.js';
import { renderMermaid } from '../../../src/render/mermaid/render-mermaid.js';
import { lowerDump, lowerGeneral, tempFile } from './helpers.js';

const SECRETS = ['hunter2-SECRET', 'c2VjcmV0LWJhc2U2NA==', 'cm-value-SECRET', 'env-value-SECRET', 'arg-SECRET', 'cmd-SECRET', 'applied-SECRET', 'other-annotation-SECRET', 'managed-SECRET', 'probe-SECRET'];

const HOSTILE = `apiVersion: v1
items:
- apiVersion: v1
  kind: Secret
  metadata:
    name: db-creds
    namespace: shop
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"data":{"password":"applied-SECRET"}}
      note: other-annotation-SECRET
    managedFields:
    - manager: kubectl
      fieldsV1:
        f:data:
          f:password: managed-SECRET
  type: Opaque
  data:
    token: c2VjcmV0LWJhc2U2NA==
  stringData:
    password: hunter2-SECRET
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: app-config
    namespace: shop
  data:
    settings.json: cm-value-SECRET
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    namespace: shop
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: '{"env":"applied-SECRET"}'
  spec:
    replicas: 2
    selector:
      matchLabels:
        app: api
    template:
      metadata:
        labels:
          app: api
      spec:
        containers:
        - name: api
          image: api:1.0
          command:
          - /bin/run
          - cmd-SECRET
          args:
          - --password=arg-SECRET
          env:
          - name: DB_PASSWORD
            value: env-value-SECRET
          - name: LOG_LEVEL
            value: debug
          - name: API_TOKEN
            valueFrom:
              secretKeyRef:
                name: db-creds
                key: token
          livenessProbe:
            exec:
              command:
              - probe-SECRET
          envFrom:
          - configMapRef:
              name: app-config
kind: List
`;

function assertClean(text: string): void {
  for (const s of SECRETS) expect(text, `leaked ${s}`).not.toContain(s);
}

describe('redaction at the door', () => {
  it('general loader: no value, key names kept', () => {
    const { entities } = lowerGeneral(HOSTILE);
    assertClean(JSON.stringify(entities));
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.get('Secret:shop/db-creds')?.props['keys']).toEqual(['password', 'token']);
    expect(byId.get('Secret:shop/db-creds')?.props['secretType']).toBe('Opaque');
    expect(byId.get('ConfigMap:shop/app-config')?.props['keys']).toEqual(['settings.json']);
    const dep = byId.get('Deployment:shop/api');
    expect(dep?.props['secretLikeEnv']).toEqual(['DB_PASSWORD']);
    expect(dep?.props['containers']).toEqual([{ name: 'api', image: 'api:1.0', envNames: ['DB_PASSWORD', 'LOG_LEVEL', 'API_TOKEN'] }]);
    expect(dep?.props['secretRefs']).toEqual(['db-creds']);
    expect(dep?.props['configMapRefs']).toEqual(['app-config']);
  });

  it('streamed dump: the same', async () => {
    const r = await lowerDump(tempFile(HOSTILE));
    expect(r).toBeDefined();
    assertClean(JSON.stringify(r?.entities));
    expect(r?.entities.map((e) => e.id).sort()).toEqual(['ConfigMap:shop/app-config', 'Deployment:shop/api', 'Secret:shop/db-creds']);
  });

  it.each([['yaml'], ['json']])('every output format (%s input)', async (ext) => {
    const text = ext === 'yaml' ? HOSTILE : JSON.stringify(lowerGeneralValue(), null, 4);
    const file = tempFile(text, ext);
    const model = await importArchitecture([file]);
    // The three objects, and their namespace (named, not declared: A.11).
    expect(model.entities.map((e) => e.id)).toEqual(['ConfigMap:shop/app-config', 'Deployment:shop/api', 'Namespace:shop', 'Secret:shop/db-creds']);
    for (const out of [renderJson(model), renderMarkdown(model), renderMermaid(model)]) assertClean(out);
  });

  it('a secret-looking env name without a literal value is not flagged', () => {
    const { entities } = lowerGeneral(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    env:\n    - name: PASSWORD_FILE_EMPTY\n      value: ""\n    - name: SECRET_REF\n      valueFrom: {secretKeyRef: {name: s, key: k}}\n`);
    expect(entities[0]?.props['secretLikeEnv']).toBeUndefined();
  });
});

/** The hostile list as a plain value (for the JSON variant). */
function lowerGeneralValue(): unknown {
  return {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-creds', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'applied-SECRET', note: 'other-annotation-SECRET' }, managedFields: [{ f: 'managed-SECRET' }] }, data: { token: 'c2VjcmV0LWJhc2U2NA==' }, stringData: { password: 'hunter2-SECRET' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'shop' }, data: { 'settings.json': 'cm-value-SECRET' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' }, spec: { template: { spec: { containers: [{ name: 'api', image: 'api:1.0', command: ['cmd-SECRET'], args: ['arg-SECRET'], env: [{ name: 'DB_PASSWORD', value: 'env-value-SECRET' }], livenessProbe: { exec: { command: ['probe-SECRET'] } } }] } } } },
    ],
  };
}
