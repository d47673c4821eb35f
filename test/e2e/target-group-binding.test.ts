/**
 * J35 end to end: a CloudFormation ALB with a listener and a listener rule forwarding to two target
 * groups, and Kubernetes TargetGroupBindings (by ARN and by name) attaching Services to them. The
 * load balancer reaches the Services, and the traffic diagram draws it in front of them.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../src/model/architecture.js';
import { importArchitecture } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown/render-markdown.js';
import { REPO_ROOT } from '../helpers/paths.js';

const DIR = join(REPO_ROOT, 'test/fixtures/projects/target-group-binding');
const LB = 'LoadBalancer:cfn:alb.yaml#Alb';
const tg = (logicalId: string) => `AwsResource:cfn:alb.yaml#${logicalId}`;
const tgb = (name: string) => `KubernetesObject:elbv2.k8s.aws/TargetGroupBinding:shop/${name}`;

let model: ArchitectureModel;
beforeAll(async () => {
  model = await importArchitecture(['.'], { cwd: DIR });
});

describe('J35 TargetGroupBinding', () => {
  it('imports cleanly, with target groups and listeners lowered', () => {
    expect(model.inputs.map((i) => `${i.file} ${i.status}`)).toEqual(['alb.yaml ok', 'k8s.yaml ok']);
    expect(model.diagnostics).toEqual([]);
    expect(model.entities.find((e) => e.id === tg('WebTargets'))?.props).toMatchObject({ targetGroupName: 'prod-web-tg', targetType: 'ip', port: 8080 });
    expect(model.entities.find((e) => e.id === tg('ApiTargets'))?.defaulted).toContain('targetType');
    expect(model.entities.find((e) => e.id === 'AwsResource:cfn:alb.yaml#ApiRule')?.props).toMatchObject({ listener: 'AwsResource:cfn:alb.yaml#Http', targetGroups: [tg('ApiTargets')] });
  });

  it('links load balancer → target group → binding → Service, and load balancer → Service', () => {
    const j35 = model.relations.filter((r) => r.rule === 'J35').map((r) => `${r.from} ${r.type} ${r.to} ${r.confidence}`);
    expect(j35).toEqual([
      `${tg('ApiTargets')} routes-to ${tgb('api')} high`,
      `${tg('WebTargets')} routes-to ${tgb('web')} high`,
      `${tgb('api')} routes-to Service:shop/api high`,
      `${tgb('web')} routes-to Service:shop/web high`,
      `${LB} routes-to ${tg('ApiTargets')} high`,
      `${LB} routes-to ${tg('WebTargets')} high`,
      `${LB} routes-to Service:shop/api high`,
      `${LB} routes-to Service:shop/web high`,
    ]);
  });

  it('draws the CloudFormation ALB in front of both Services', () => {
    const md = renderMarkdown(model);
    const shop = md.slice(md.indexOf('namespace shop'));
    expect(shop).toContain('prod-web<br/>application #40;ALB#41; load balancer<br/>internet-facing<br/>declared in CloudFormation');
    expect(shop).toMatch(/LoadBalanc_Alb_\w+ --> Service_api_\w+/);
    expect(shop).toMatch(/LoadBalanc_Alb_\w+ --> Service_web_\w+/);
  });
});
