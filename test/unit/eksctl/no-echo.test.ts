/** eksctl diagnostics name the field and what is wrong, never the value (it could be a token). */
import { describe, expect, it } from 'vitest';
import { HEADER, lowerText } from './helpers.js';

const SECRETS = ['8675309424242', '99357415', '5ec12e7', '31415926535', 'sk-live', 'SECRET', 'hunter2'];

function expectNoSecret(messages: readonly string[]): void {
  for (const m of messages) for (const s of SECRETS) expect(m).not.toContain(s);
}

describe('eksctl validation does not repeat values', () => {
  it('wrong types say the type only; enum violations leave the value out', () => {
    const { diagnostics } = lowerText(`apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: demo, region: us-east-1}
managedNodeGroups:
- name: ng1
  amiFamily: "sk-live-51HxSECRET"
  preBootstrapCommands: [8675309424242]
  overrideBootstrapCommand: 0x5ec12e7
  labels: {pin: 31415926535, on: true, ratio: 0.5}
`, 'c.yaml');
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        'eksctl/invalid-value',
        6,
        'managedNodeGroups[0].amiFamily: the value is not one of AmazonLinux2023, AmazonLinux2, UbuntuPro2604, Ubuntu2604, UbuntuPro2404, Ubuntu2404, UbuntuPro2204, Ubuntu2204, UbuntuPro2004, Ubuntu2004, Bottlerocket, BottlerocketFips, WindowsServer2019CoreContainer, WindowsServer2019FullContainer, WindowsServer2022CoreContainer, WindowsServer2022FullContainer, WindowsServer2025CoreContainer, WindowsServer2025FullContainer (eksctl rejects it)',
      ],
      ['eksctl/wrong-type', 7, 'managedNodeGroups[0].preBootstrapCommands[0]: expected a string, got a number (write it in quotes); eksctl rejects the file, archmap ignores this field'],
      ['eksctl/wrong-type', 8, 'managedNodeGroups[0].overrideBootstrapCommand: expected a string, got a number (write it in quotes); eksctl rejects the file, archmap ignores this field'],
      ['eksctl/wrong-type', 9, 'managedNodeGroups[0].labels.pin: expected a string, got a number (write it in quotes); eksctl rejects the file, archmap ignores this field'],
      ['eksctl/wrong-type', 9, 'managedNodeGroups[0].labels.on: expected a string, got a boolean; eksctl rejects the file, archmap ignores this field'],
      ['eksctl/wrong-type', 9, 'managedNodeGroups[0].labels.ratio: expected a string, got a number (write it in quotes); eksctl rejects the file, archmap ignores this field'],
    ]);
    expectNoSecret(diagnostics.map((d) => d.message));
  });

  it('booleans and integers in the wrong place are described, not printed', () => {
    const { diagnostics } = lowerText(`${HEADER}iam:\n  withOIDC: 8675309424242\nnodeGroups:\n  - name: a\n    desiredCapacity: true\n`);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'iam.withOIDC: expected true or false, got a number; eksctl rejects the file, archmap ignores this field',
      'nodeGroups[0].desiredCapacity: expected an integer, got a boolean; eksctl rejects the file, archmap ignores this field',
    ]);
  });

  it('an unknown apiVersion is not repeated', () => {
    const { diagnostics } = lowerText(HEADER.replace('eksctl.io/v1alpha5', 'eksctl.io/sk-live-SECRET'));
    expect(diagnostics.filter((d) => d.code === 'eksctl/unknown-api-version').map((d) => [d.line, d.message])).toEqual([
      [1, 'apiVersion is not one eksctl reads; read as eksctl.io/v1alpha5'],
    ]);
  });
});

describe('eksctl/bad-role-arn', () => {
  it.each([
    ['hunter2-SECRET', 'not in the form arn:<partition>:iam::<account>:role/<name>'],
    ['arn:aws:s3:::hunter2-SECRET', 'an ARN of another service than IAM'],
    ['arn:aws:iam::111122223333:user/hunter2-SECRET', 'an IAM ARN of something other than a role'],
    ['arn:aws:iam::111122223333:role/hunter2-SECRET/', 'no role name after role/'],
  ])('%s: says what is wrong, at the field, without the ARN', (arn, reason) => {
    const { diagnostics } = lowerText(`${HEADER}iam:\n  serviceRoleARN: "${arn}"\n`);
    expect(diagnostics.filter((d) => d.code === 'eksctl/bad-role-arn').map((d) => [d.line, d.message])).toEqual([
      [7, `iam.serviceRoleARN: not an IAM role ARN (${reason}); no role is shown`],
    ]);
    expectNoSecret(diagnostics.map((d) => d.message));
  });
});
