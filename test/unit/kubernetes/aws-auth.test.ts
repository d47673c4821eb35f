/**
 * `kube-system/aws-auth`: its IAM mappings (rolearn/userarn, username, groups) become typed props on
 * both ways in (general loader, streamed YAML and JSON dumps); nothing else of the ConfigMap leaks
 * (other data keys, other fields of an entry, comments, the raw text), and other ConfigMaps keep
 * their values out as before.
 */
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../../src/pipeline.js';
import { renderJson } from '../../../src/render/json/render-json.js';
import { renderMarkdown } from '../../../src/render/markdown/render-markdown.js';
import type { Entity } from '../../../src/model/entity.js';
import { lowerDump, lowerGeneral, tempFile } from './helpers.js';

const LEAKS = ['extra-field-SECRET', 'comment-SECRET', 'other-key-SECRET', 'accounts-SECRET', 'not-aws-auth-SECRET'];

const MAP_ROLES = `# comment-SECRET
- rolearn: arn:aws:iam::111122223333:role/eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC123
  username: system:node:{{EC2PrivateDNSName}}
  groups:
    - system:bootstrappers
    - system:nodes
- rolearn: arn:aws:iam::111122223333:role/ops-admin
  username: ops
  groups: [system:masters]
  password: extra-field-SECRET
- username: no-arn-is-skipped
`;
const MAP_USERS = '[{"userarn": "arn:aws:iam::111122223333:user/alice", "username": "alice"}]';

function configMaps(): unknown[] {
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data: { mapRoles: MAP_ROLES, mapUsers: MAP_USERS, mapAccounts: '- accounts-SECRET', other: 'other-key-SECRET' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'shop' }, data: { mapRoles: '- rolearn: not-aws-auth-SECRET' } },
  ];
}

const LIST_JSON = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: configMaps() }, null, 4);
const indent = (text: string, by: string): string => text.trimEnd().split('\n').map((l) => by + l).join('\n');
const LIST_YAML = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: aws-auth
    namespace: kube-system
  data:
    mapRoles: |
${indent(MAP_ROLES, '      ')}
    mapUsers: '${MAP_USERS}'
    mapAccounts: |
      - accounts-SECRET
    other: other-key-SECRET
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: aws-auth
    namespace: shop
  data:
    mapRoles: "- rolearn: not-aws-auth-SECRET"
`;

const EXPECTED = {
  keys: ['mapAccounts', 'mapRoles', 'mapUsers', 'other'],
  mapRoles: [
    { rolearn: 'arn:aws:iam::111122223333:role/eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC123', username: 'system:node:{{EC2PrivateDNSName}}', groups: ['system:bootstrappers', 'system:nodes'] },
    { rolearn: 'arn:aws:iam::111122223333:role/ops-admin', username: 'ops', groups: ['system:masters'] },
  ],
  mapUsers: [{ userarn: 'arn:aws:iam::111122223333:user/alice', username: 'alice' }],
};

function check(entities: readonly Entity[]): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  expect(byId.get('ConfigMap:kube-system/aws-auth')?.props).toEqual(EXPECTED);
  expect(byId.get('ConfigMap:shop/aws-auth')?.props).toEqual({ keys: ['mapRoles'] });
  const text = JSON.stringify(entities);
  for (const s of LEAKS) expect(text, `leaked ${s}`).not.toContain(s);
}

describe('aws-auth mappings at lowering time', () => {
  it('general loader (YAML)', () => {
    const { entities, sink } = lowerGeneral(LIST_YAML);
    check(entities);
    expect(sink.items).toEqual([]);
  });

  it.each([
    ['yaml', LIST_YAML],
    ['json', LIST_JSON],
  ])('streamed dump (%s)', async (ext, text) => {
    const r = await lowerDump(tempFile(text, ext));
    expect(r).toBeDefined();
    check(r?.entities ?? []);
  });

  it('no output format shows anything of the ConfigMap but the mappings', async () => {
    const model = await importArchitecture([tempFile(LIST_YAML)]);
    for (const out of [renderJson(model), renderMarkdown(model)]) for (const s of LEAKS) expect(out, `leaked ${s}`).not.toContain(s);
  });

  it('text that is not a list of mappings: left out, with a warning that quotes none of it', () => {
    const bad = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: "rolearn: [unclosed comment-SECRET"\n  mapUsers: "just-a-string-SECRET"\n`;
    const { entities, sink } = lowerGeneral(bad);
    expect(entities[0]?.props).toEqual({ keys: ['mapRoles', 'mapUsers'] });
    expect(sink.items.map((d) => [d.code, d.line])).toEqual([['k8s/aws-auth-unreadable', 1], ['k8s/aws-auth-unreadable', 1]]);
    expect(JSON.stringify(sink.items)).not.toContain('SECRET');
  });
});
