/** EC2 user data: what bootstrap.sh / nodeadm say, read line by line in linear time, with a size cap. */
import { describe, expect, it } from 'vitest';
import { MAX_USER_DATA, capUserData, readUserData, userDataText } from '../../../src/frontends/cloudformation/user-data.js';
import { HANG_MS, lower, userDataTemplate, world } from './helpers.js';

describe('readUserData: bootstrap.sh', () => {
  it.each([
    ['same line', '#!/bin/bash\n/etc/eks/bootstrap.sh demo --b64-cluster-ca x\n', { cluster: 'demo' }],
    ['quoted', "/etc/eks/bootstrap.sh 'demo' --x\n", { cluster: 'demo' }],
    ['a placeholder', '/etc/eks/bootstrap.sh ${Param(ClusterName)}\n', { cluster: '${Param(ClusterName)}' }],
    ['tab separated', '/etc/eks/bootstrap.sh\tdemo\n', { cluster: 'demo' }],
    ['a backslash-newline continuation', '/etc/eks/bootstrap.sh \\\n  demo \\\n  --kubelet-extra-args x\n', { cluster: 'demo' }],
    ['a CRLF continuation', '/etc/eks/bootstrap.sh \\\r\n  demo\r\n', { cluster: 'demo' }],
    ['flags first: no cluster', '/etc/eks/bootstrap.sh --apiserver-endpoint x demo\n', {}],
    ['the next line is not an argument', '#!/bin/bash\n/etc/eks/bootstrap.sh\nMYSQL_PWD=hunter2SECRET mysql -e "select 1"\n', {}],
    ['trailing blanks, then the next line', '/etc/eks/bootstrap.sh   \nMYSQL_PWD=hunter2SECRET\n', {}],
    ['CRLF line end', '/etc/eks/bootstrap.sh\r\nMYSQL_PWD=hunter2SECRET\r\n', {}],
    ['a later call with an argument', 'test -x /etc/eks/bootstrap.sh\n/etc/eks/bootstrap.sh demo\n', { cluster: 'demo' }],
    ['no separator after the script name', '/etc/eks/bootstrap.sh.bak demo\n', {}],
  ])('%s', (_name, text, expected) => {
    expect(readUserData(text)).toEqual(expected);
  });

  it('reads labels and taints from the kubelet flags on the bootstrap line', () => {
    const text = "/etc/eks/bootstrap.sh demo --kubelet-extra-args '--node-labels=team=a,tier=web --register-with-taints=gpu=true:NoSchedule,x:NoExecute'\n";
    expect(readUserData(text)).toEqual({
      cluster: 'demo',
      labels: { team: 'a', tier: 'web' },
      taints: [
        { key: 'gpu', value: 'true', effect: 'NoSchedule' },
        { key: 'x', effect: 'NoExecute' },
      ],
    });
  });

  it('a flag without a value on its line does not take the next line', () => {
    expect(readUserData('/etc/eks/bootstrap.sh demo --node-labels=\nMYSQL_PWD=a=b\n--register-with-taints\nk:NoSchedule\n')).toEqual({ cluster: 'demo' });
  });

  it('a label named __proto__ stays a plain label', () => {
    const facts = readUserData('/etc/eks/bootstrap.sh demo --node-labels=__proto__=x,a=b\n');
    expect(Object.entries(facts.labels ?? {})).toEqual([
      ['__proto__', 'x'],
      ['a', 'b'],
    ]);
  });
});

describe('readUserData: nodeadm NodeConfig', () => {
  const config = (cluster: string): string => `MIME-Version: 1.0\n\n---\napiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n${cluster}`;
  it.each([
    ['name first', '  cluster:\n    name: demo\n    apiServerEndpoint: https://x\n', { cluster: 'demo' }],
    ['name after other keys', '  cluster:\n    apiServerEndpoint: https://x\n    certificateAuthority: LS0t\n    name: demo\n', { cluster: 'demo' }],
    ['quoted name', '  cluster:\n    name: "demo"\n', { cluster: 'demo' }],
    ['blank and comment lines inside the block', '  cluster:\n\n    # the cluster\n    name: demo\n', { cluster: 'demo' }],
    ['CRLF lines', '  cluster:\r\n    name: demo\r\n', { cluster: 'demo' }],
    ['a name without a value does not take the next line', '  cluster:\n    name:\n    certificateAuthority: LS0tSECRET\n', {}],
    ['a name with only a comment', '  cluster:\n    name: # later\n    cidr: 10.0.0.0/16\n', {}],
    ['a name outside the block (after a blank line)', '  cluster:\n\nname: other\n', {}],
    ['a nested name is not the cluster name', '  cluster:\n    auth:\n      name: SECRET\n    name: demo\n', { cluster: 'demo' }],
    ['cluster: with an inline value is not a block', '  cluster: x\n    name: demo\n', {}],
  ])('%s', (_name, cluster, expected) => {
    expect(readUserData(config(cluster))).toEqual(expected);
  });

  it('bootstrap.sh wins over a NodeConfig', () => {
    expect(readUserData(`/etc/eks/bootstrap.sh one\n${config('  cluster:\n    name: two\n')}`)).toEqual({ cluster: 'one' });
  });
});

describe('readUserData is linear', () => {
  it.each([
    ['many kind: NodeConfig lines', 'kind: NodeConfig\n'.repeat(60_000)],
    ['many cluster: lines', `kind: NodeConfig\n${'cluster:\n'.repeat(100_000)}`],
    ['many bootstrap.sh without an argument', '/etc/eks/bootstrap.sh\n'.repeat(45_000)],
    ['many flags without a value', '--node-labels= \n'.repeat(60_000)],
  ])('%s (about 1 MB) without hanging', (_name, text) => {
    // Linear reading takes milliseconds; the former lazy regexes took 6 s for 0.9 MB and 58 s for 2.7 MB.
    expect(readUserData(text)).toEqual({});
  }, HANG_MS);
});

describe('the user data size cap', () => {
  it('capUserData keeps whole lines up to the cap', () => {
    expect(capUserData('short\n')).toEqual({ text: 'short\n', capped: false });
    const line = `${'x'.repeat(99)}\n`;
    const capped = capUserData(line.repeat(MAX_USER_DATA / 100 + 5));
    expect(capped.capped).toBe(true);
    expect(capped.text.length).toBe(Math.floor(MAX_USER_DATA / 100) * 100);
    expect(capped.text.endsWith('\n')).toBe(true);
  });

  const template = (userData: string): string => `Resources:
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: ${userData}
`;

  it('Fn::Base64 text over the cap is read up to the cap, with a warning', () => {
    const big = `#!/bin/bash\n/etc/eks/bootstrap.sh demo\n${'# filler\n'.repeat(MAX_USER_DATA / 9)}/etc/eks/bootstrap.sh late\n`;
    const { stack, sink } = world({ 't.yaml': template('x') });
    const text = userDataText(stack('t.yaml'), { 'Fn::Base64': big }, ['Resources', 'Lt', 'Properties', 'LaunchTemplateData', 'UserData']);
    const head = '#!/bin/bash\n/etc/eks/bootstrap.sh demo\n'.length;
    expect(text?.length).toBe(head + Math.floor((MAX_USER_DATA - head) / 9) * 9);
    expect(text?.startsWith('#!/bin/bash\n/etc/eks/bootstrap.sh demo\n# filler\n')).toBe(true);
    expect(text?.includes('late')).toBe(false);
    expect(sink.items).toEqual([
      { severity: 'warning', code: 'cfn/user-data-too-large', file: 't.yaml', line: 6, message: 'UserData is larger than 1 MiB; only its first MiB is read' },
    ]);
  });

  it('literal base64 over the cap is not unpacked, with a warning', () => {
    const { stack, sink } = world({ 't.yaml': template('x') });
    const b64 = Buffer.from(`/etc/eks/bootstrap.sh demo\n${'#'.repeat(MAX_USER_DATA)}`).toString('base64');
    expect(userDataText(stack('t.yaml'), b64, ['Resources', 'Lt', 'Properties', 'LaunchTemplateData', 'UserData'])).toBeUndefined();
    expect(sink.items.map((d) => [d.code, d.line, d.message])).toEqual([['cfn/user-data-too-large', 6, 'UserData is larger than 1 MiB; it is not unpacked']]);
  });

  it('literal base64 under the cap is unpacked, gzip too', () => {
    const { stack, sink } = world({ 't.yaml': template('x') });
    const zlib = process.getBuiltinModule('node:zlib');
    const plain = '/etc/eks/bootstrap.sh demo\n';
    expect(userDataText(stack('t.yaml'), Buffer.from(plain).toString('base64'), [])).toBe(plain);
    expect(userDataText(stack('t.yaml'), zlib.gzipSync(plain).toString('base64'), [])).toBe(plain);
    expect(sink.items).toEqual([]);
  });

  it('gzip that unpacks to more than the cap is not unpacked, with a warning', () => {
    const { stack, sink } = world({ 't.yaml': template('x') });
    const zlib = process.getBuiltinModule('node:zlib');
    const bomb = zlib.gzipSync(Buffer.alloc(2 * MAX_USER_DATA, 0x23)).toString('base64');
    expect(userDataText(stack('t.yaml'), bomb, ['Resources', 'Lt', 'Properties', 'LaunchTemplateData', 'UserData'])).toBeUndefined();
    expect(sink.items.map((d) => d.code)).toEqual(['cfn/user-data-too-large']);
  });
});

describe('self-managed node groups from user data', () => {
  const template = (userData: string): string => userDataTemplate(userData, '      AutoScalingGroupName: workers\n');

  it('bootstrap.sh at the end of a line does not make the next line the cluster', () => {
    const f = lower({ 't.yaml': template("#!/bin/bash\n/etc/eks/bootstrap.sh\nMYSQL_PWD=hunter2SECRET mysql -h db -e 'select 1'") });
    expect(f.entities.filter((e) => e.kind === 'NodeGroup')).toEqual([]);
    expect(JSON.stringify(f.entities)).not.toContain('hunter2');
  });

  it('bootstrap.sh with the cluster on a continuation line', () => {
    const f = lower({ 't.yaml': template('#!/bin/bash\n/etc/eks/bootstrap.sh \\\n  demo \\\n  --kubelet-extra-args --node-labels=a=b') });
    expect(f.byId('NodeGroup:demo/workers')?.props).toMatchObject({ nodeGroupType: 'self-managed', cluster: 'Cluster:demo', labels: { a: 'b' } });
  });
});
