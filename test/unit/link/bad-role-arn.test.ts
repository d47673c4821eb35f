/** link/bad-role-arn (J38) says what is wrong with a ServiceAccount's role ARN without repeating it. */
import { describe, expect, it } from 'vitest';
import { k8sId } from '../../../src/model/ids.js';
import { irsaPass } from '../../../src/passes/link/cross/irsa.js';
import { ent, graphOf, rels, run } from './helpers.js';

describe('link/bad-role-arn', () => {
  it.each([
    ['hunter2-SECRET', 'not in the form arn:<partition>:iam::<account>:role/<name>'],
    ['arn:aws:s3:::hunter2-SECRET', 'an ARN of another service than IAM'],
    ['arn:aws:iam::111122223333:user/hunter2-SECRET', 'an IAM ARN of something other than a role'],
    ['arn:aws:iam::111122223333:role/hunter2-SECRET/', 'no role name after role/'],
  ])('%s', (roleArn, reason) => {
    const sa = ent('kubernetes', 'ServiceAccount', k8sId('ServiceAccount', 'shop', 'app'), { roleArn }, { namespace: 'shop', name: 'app', line: 12 });
    const g = graphOf([sa]);
    const sink = run(g, irsaPass);
    expect(rels(g)).toEqual([]);
    expect(sink.items).toEqual([
      {
        severity: 'warning',
        code: 'link/bad-role-arn',
        file: 'kubectl/dump.yaml',
        line: 12,
        message: `ServiceAccount ServiceAccount:shop/app: its role ARN is not an IAM role ARN (${reason}); no role is assumed (J38)`,
      },
    ]);
    expect(sink.items[0]?.message).not.toContain('hunter2');
  });
});
