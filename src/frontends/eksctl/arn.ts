/** ARN reading for eksctl values (`iam.instanceRoleARN`, `attachRoleARN`, access-entry principals). */

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`; anything else is `undefined`. */
export function parseArn(text: string): Arn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!partition || !service || !resource) return undefined;
  return { partition, service, region, account, resource };
}

/**
 * The role name of an IAM role ARN: the last segment of `role/<path>/<name>` (aws-auth and IRSA
 * annotations drop the path, so the name alone identifies the role).
 */
export function roleNameFromArn(text: string): string | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('role/')) return undefined;
  const name = arn.resource.split('/').pop();
  return name ? name : undefined;
}

/**
 * Why `text` is not an IAM role ARN, as a short phrase that does not repeat any of it (diagnostics
 * never echo input values: a misplaced value could be a secret). Meant for text that
 * {@link roleNameFromArn} rejects.
 */
export function notRoleArnReason(text: string): string {
  const arn = parseArn(text);
  if (!arn) return 'not in the form arn:<partition>:iam::<account>:role/<name>';
  if (arn.service !== 'iam') return 'an ARN of another service than IAM';
  if (!arn.resource.startsWith('role/')) return 'an IAM ARN of something other than a role';
  return 'no role name after role/';
}

/** `role`, `user`, `root` (account principal) or `other`, for access entries and aws-auth mappings. */
export function principalKind(text: string): 'role' | 'user' | 'root' | 'other' {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'iam') return 'other';
  if (arn.resource.startsWith('role/')) return 'role';
  if (arn.resource.startsWith('user/')) return 'user';
  return arn.resource === 'root' ? 'root' : 'other';
}
