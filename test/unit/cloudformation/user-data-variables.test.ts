/**
 * Shell variables in the kubelet flags of EC2 user data (J13(a)): `$NAME` / `${NAME}` take the value
 * of a simple assignment of the script; whatever stays unknown is never kept as a literal label.
 */
import { describe, expect, it } from 'vitest';
import { readUserData } from '../../../src/frontends/cloudformation/user-data.js';
import { HANG_MS, lower, userDataTemplate } from './helpers.js';

const labelsOf = (script: string): Record<string, string> | undefined => readUserData(script).labels;
const kubelet = (flags: string): string => `/etc/eks/bootstrap.sh demo --kubelet-extra-args "${flags}"\n`;

describe('readUserData: shell variables in --node-labels', () => {
  it.each([
    ['plain', 'LABELS=role=web,tier=fe\n', '--node-labels=$LABELS', { role: 'web', tier: 'fe' }],
    ['double-quoted', 'LABELS="role=web,tier=fe"\n', '--node-labels=${LABELS}', { role: 'web', tier: 'fe' }],
    ['single-quoted', "LABELS='role=web'\n", '--node-labels=${LABELS}', { role: 'web' }],
    ['export', 'export LABELS=role=web\n', '--node-labels=$LABELS', { role: 'web' }],
    ['export, quoted, indented', '  export LABELS="role=web"\n', '--node-labels=$LABELS', { role: 'web' }],
    ['a value built from another variable', 'ROLE=web\nLABELS="role=${ROLE},team=$TEAM_A"\nTEAM_A=x\n', '--node-labels=$LABELS', { role: 'web' }],
    ['appending to itself', 'L=a=1\nL="${L},b=2"\n', '--node-labels=$L', { a: '1', b: '2' }],
    ['mixed with literal labels', 'ROLE=web\n', '--node-labels=role=$ROLE,tier=fe', { role: 'web', tier: 'fe' }],
    ['in a key', 'PREFIX=example.com\n', '--node-labels=${PREFIX}/role=web', { 'example.com/role': 'web' }],
    ['after a ; on the line', 'A=1; ROLE=web  # comment\n', '--node-labels=role=$ROLE', { role: 'web' }],
    ['a CRLF line', 'ROLE=web\r\n', '--node-labels=role=$ROLE', { role: 'web' }],
    ['an empty value', 'EXTRA=\n', '--node-labels=role=web$EXTRA', { role: 'web' }],
  ])('%s', (_name, assignments, flags, expected) => {
    expect(labelsOf(`#!/bin/bash\n${assignments}${kubelet(flags)}`)).toEqual(expected);
  });

  it.each([
    ['an undefined variable', '', '--node-labels=team=$TEAM,role=web', { role: 'web' }],
    ['an undefined variable as the whole value', '', '--node-labels=${NODE_LABELS}', {}],
    ['$X_b is the variable X_b, ${X}_b is X then _b', 'X=a\n', '--node-labels=k=$X_b,j=${X}_b', { j: 'a_b' }],
    ['a command substitution', '', '--node-labels=host=$(hostname),role=web', { role: 'web' }],
    ['a command substitution with commas inside', '', '--node-labels=$(labels_for,a=b,c=d),role=web', { role: 'web' }],
    ['a backquoted command', '', '--node-labels=host=`hostname`,role=web', { role: 'web' }],
    ['a default-value expansion with commas inside', '', '--node-labels=${X:-a=b,c=d},role=web', { role: 'web' }],
    ['a positional parameter', '', '--node-labels=k=$1,role=web', { role: 'web' }],
    ['a variable set by a command substitution', 'ZONE="$(curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone)"\n', '--node-labels=zone=$ZONE,role=web', { role: 'web' }],
    ['a known variable set again by a command', 'ZONE=a\nZONE=$(get_zone)\n', '--node-labels=zone=$ZONE,role=web', { role: 'web' }],
    ['a value with a command substitution inside (the whole variable is unknown)', 'L="a=1,b=$(cat /etc/b)"\n', '--node-labels=$L,role=web', { role: 'web' }],
    ['a value with a default-value expansion', 'L=${OTHER:-a=1,b=2}\n', '--node-labels=$L,role=web', { role: 'web' }],
    ['a single-quoted value keeps its $ literally: dropped', "L='a=$HOME,b=2'\n", '--node-labels=$L', { b: '2' }],
    ['a value followed by a command (its environment only)', 'L=a=1 some-command\n', '--node-labels=$L,role=web', { role: 'web' }],
    ['an unclosed quote', 'L="a=1\n', '--node-labels=$L,role=web', { role: 'web' }],
    ['a backslash in the value', 'L=a=1\\,b=2\n', '--node-labels=$L,role=web', { role: 'web' }],
  ])('%s is dropped', (_name, assignments, flags, expected) => {
    expect(labelsOf(`#!/bin/bash\n${assignments}${kubelet(flags)}`)).toEqual(expected);
  });

  it('an assignment on an earlier line wins over a later one', () => {
    expect(labelsOf(`L=role=web\n${kubelet('--node-labels=$L')}L=role=db\n`)).toEqual({ role: 'web' });
  });

  it('a variable assigned only after the flag takes its last value (an EnvironmentFile written later, as eksctl does)', () => {
    const script = [
      'ExecStart=/usr/bin/kubelet --node-labels=${NODE_LABELS},alpha.eksctl.io/instance-id=${INSTANCE_ID} --register-with-taints=${NODE_TAINTS}',
      'NODE_LABELS=alpha.eksctl.io/cluster-name=test,alpha.eksctl.io/nodegroup-name=n5',
      'NODE_TAINTS=',
      'INSTANCE_ID="$(get_metadata instance-id)"',
      'INSTANCE_LIFECYCLE="$(get_metadata instance-life-cycle)"',
      'NODE_LABELS="${NODE_LABELS},node-lifecycle=${INSTANCE_LIFECYCLE}"',
      'NODE_LABELS=${NODE_LABELS}',
      '',
    ].join('\n');
    expect(readUserData(script)).toEqual({ labels: { 'alpha.eksctl.io/cluster-name': 'test', 'alpha.eksctl.io/nodegroup-name': 'n5' } });
  });

  it('a template placeholder in a label is dropped too', () => {
    expect(labelsOf(kubelet('--node-labels=ng=${Param(NodeGroupName)},role=web'))).toEqual({ role: 'web' });
  });

  it('taints: variables expanded, a taint with an unknown part dropped', () => {
    const facts = readUserData(`T=dedicated=gpu:NoSchedule\n${kubelet('--register-with-taints=$T,$U:NoExecute,k=$V:NoSchedule,x:NoExecute')}`);
    expect(facts.taints).toEqual([
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      { key: 'x', effect: 'NoExecute' },
    ]);
  });
});

describe('readUserData: variable expansion stays linear', () => {
  const flag = kubelet('--node-labels=k=$A,role=web');
  it.each([
    ['a value doubled on every line', `A=x\n${'A=$A$A\n'.repeat(140_000)}${flag}`],
    ['many assignments on one line', `${'A=$B;'.repeat(200_000)}\n${flag}`],
    ['many references in the flag', `A=${'x'.repeat(1000)}\n/etc/eks/bootstrap.sh demo --node-labels=${'$A'.repeat(400_000)},role=web\n`],
    ['many unclosed ${ in the flag', `/etc/eks/bootstrap.sh demo --node-labels=role=web,${'${'.repeat(400_000)}\n`],
    ['many unclosed $( in an assignment', `A="${'$('.repeat(400_000)}\n${flag}`],
    ['many unclosed quotes', `${'A="$B\n'.repeat(150_000)}${flag}`],
  ])('%s (about 1 MB) without hanging', (_name, text) => {
    // Linear reading takes milliseconds; the former quadratic regexes took seconds to minutes on such input.
    expect(readUserData(text).labels).toEqual({ role: 'web' });
  }, HANG_MS);
});

describe('self-managed node group named by the eksctl labels of its user data (J13(a))', () => {
  const template = (userData: string, tags = '', name = ''): string => userDataTemplate(userData, name, tags);
  const labelled = (cluster: string, ng: string): string =>
    `NODE_LABELS=alpha.eksctl.io/cluster-name=${cluster},alpha.eksctl.io/nodegroup-name=${ng}\n/usr/bin/kubelet --node-labels=\${NODE_LABELS},alpha.eksctl.io/instance-id=\${INSTANCE_ID}`;
  const groups = (f: ReturnType<typeof lower>): [string, string][] => f.entities.filter((e) => e.kind === 'NodeGroup').map((e) => [e.id, e.name]);

  it('both labels literal: the group is <cluster>/<nodegroup-name>, even without a cluster tag', () => {
    const f = lower({ 't.yaml': template(labelled('test', 'n5'), '', "      AutoScalingGroupName: workers\n") });
    expect(groups(f)).toEqual([['NodeGroup:test/n5', 'n5']]);
    expect(f.byId('NodeGroup:test/n5')?.props).toMatchObject({ cluster: 'Cluster:test', labels: { 'alpha.eksctl.io/cluster-name': 'test', 'alpha.eksctl.io/nodegroup-name': 'n5' } });
  });

  it('with the same cluster tag', () => {
    const tags = '      Tags: [{Key: kubernetes.io/cluster/test, Value: owned, PropagateAtLaunch: true}]\n';
    expect(groups(lower({ 't.yaml': template(labelled('test', 'n5'), tags) }))).toEqual([['NodeGroup:test/n5', 'n5']]);
  });

  it('an eksctl nodegroup-name tag still names the group', () => {
    const tags = '      Tags: [{Key: kubernetes.io/cluster/test, Value: owned}, {Key: alpha.eksctl.io/nodegroup-name, Value: tagged}]\n';
    expect(groups(lower({ 't.yaml': template(labelled('test', 'n5'), tags) }))).toEqual([['NodeGroup:test/tagged', 'tagged']]);
  });

  it('a cluster tag naming another cluster: the labels do not name the group', () => {
    const tags = '      Tags: [{Key: kubernetes.io/cluster/prod, Value: owned}]\n';
    expect(groups(lower({ 't.yaml': template(labelled('test', 'n5'), tags) }))).toEqual([['NodeGroup:cfn:t.yaml#Asg', 'Asg']]);
  });

  it('a label that is not literal (a shell variable) does not name the group', () => {
    const tags = '      Tags: [{Key: kubernetes.io/cluster/test, Value: owned}]\n';
    const f = lower({ 't.yaml': template('/usr/bin/kubelet --node-labels=alpha.eksctl.io/cluster-name=test,alpha.eksctl.io/nodegroup-name=$NG', tags) });
    expect(groups(f)).toEqual([['NodeGroup:cfn:t.yaml#Asg', 'Asg']]);
    expect(f.byId('NodeGroup:cfn:t.yaml#Asg')?.props['labels']).toEqual({ 'alpha.eksctl.io/cluster-name': 'test' });
  });

  it('only one of the labels: no group from the labels alone', () => {
    const f = lower({ 't.yaml': template('/usr/bin/kubelet --node-labels=alpha.eksctl.io/nodegroup-name=n5') });
    expect(groups(f)).toEqual([]);
  });
});
