/**
 * What a `Ref` or `Fn::GetAtt` of a resource returns when the template spells it out (B.9 steps 3–4):
 * the name a type's Ref returns (RoleName, EKS Name, …) and ARNs built from known parts. Anything
 * else stays a reference placeholder (`Ref(X)`, `GetAtt(X.DNSName)`).
 */
import { own } from '../../core/guards.js';
import { concat, textOf, type CfnValue } from './values.js';

/** Reads one evaluated property of the resource (memoised by the stack), `undefined` if absent. */
export type PropReader = (name: string) => CfnValue | undefined;
export type PseudoReader = (name: string) => CfnValue;

/** Types whose Ref returns the value of one of their name properties. */
const REF_NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::EKS::Cluster': 'Name',
  'AWS::AutoScaling::AutoScalingGroup': 'AutoScalingGroupName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::ECS::Cluster': 'ClusterName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::RDS::DBSubnetGroup': 'DBSubnetGroupName',
};

/** Properties a GetAtt returns as they are written. */
const ATTRIBUTE_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::EC2::Subnet.AvailabilityZone': 'AvailabilityZone',
  'AWS::EC2::Subnet.CidrBlock': 'CidrBlock',
  'AWS::EC2::VPC.CidrBlock': 'CidrBlock',
  'AWS::IAM::Role.RoleName': 'RoleName',
  'AWS::EKS::Nodegroup.NodegroupName': 'NodegroupName',
  'AWS::EKS::Nodegroup.ClusterName': 'ClusterName',
};

/** A derived value only when it is a string (known, or a template over known parts). */
function stringish(v: CfnValue | undefined): CfnValue | undefined {
  if (!v) return undefined;
  if (textOf(v) !== undefined || v.kind === 'template') return v;
  return undefined;
}

export function deriveRef(type: string, prop: PropReader): CfnValue | undefined {
  if (type === 'AWS::EKS::Nodegroup') {
    const cluster = stringish(prop('ClusterName'));
    const name = stringish(prop('NodegroupName'));
    return cluster && name ? concat([cluster, '/', name]) : undefined;
  }
  const property = own(REF_NAME_PROPERTY, type);
  return property === undefined ? undefined : stringish(prop(property));
}

/** `arn:aws:iam::123:role/path/name` from the role's RoleName and Path (`/` by default). */
function iamArn(resource: 'role' | 'instance-profile', nameProp: string, prop: PropReader, pseudo: PseudoReader): CfnValue | undefined {
  const name = stringish(prop(nameProp));
  if (!name) return undefined;
  const path = stringish(prop('Path')) ?? '/';
  return concat(['arn:', pseudo('AWS::Partition'), ':iam::', pseudo('AWS::AccountId'), `:${resource}`, path, name]);
}

export function deriveAttribute(type: string, attribute: string, prop: PropReader, pseudo: PseudoReader): CfnValue | undefined {
  const property = own(ATTRIBUTE_PROPERTY, `${type}.${attribute}`);
  if (property !== undefined) return prop(property);
  if (attribute === 'Arn' && type === 'AWS::IAM::Role') return iamArn('role', 'RoleName', prop, pseudo);
  if (attribute === 'Arn' && type === 'AWS::IAM::InstanceProfile') return iamArn('instance-profile', 'InstanceProfileName', prop, pseudo);
  if (attribute === 'Arn' && type === 'AWS::EKS::Cluster') {
    const name = stringish(prop('Name'));
    return name && concat(['arn:', pseudo('AWS::Partition'), ':eks:', pseudo('AWS::Region'), ':', pseudo('AWS::AccountId'), ':cluster/', name]);
  }
  return undefined;
}
