/**
 * A compact, typed description of the eksctl `ClusterConfig` fields (eksctl.io/v1alpha5), transcribed
 * from eksctl's `pkg/apis/eksctl.io/v1alpha5/assets/schema.json` (every definition with
 * `additionalProperties: false`). The validator (validate.ts) walks a document against it.
 *
 * Types follow what eksctl's loader accepts: it converts YAML to JSON and decodes strictly into Go
 * structs (sigs.k8s.io/yaml `UnmarshalStrict`), so a number is not a string (`version: 1.10` fails),
 * `"3"` is not an integer, and an unknown key rejects the whole file.
 */

/** The type of one field. `object` names a shape of {@link SHAPES}. */
export type FieldType =
  | { readonly kind: 'string'; readonly values?: readonly string[] }
  | { readonly kind: 'integer' }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  /** `map[string]string` (labels, tags). */
  | { readonly kind: 'string-map' }
  /** An `InlineDocument` (policy documents, kubelet config, Bottlerocket settings): anything goes. */
  | { readonly kind: 'any' }
  | { readonly kind: 'list'; readonly item: FieldType }
  | { readonly kind: 'object'; readonly shape: string }
  /** A map with free keys and typed values (`vpc.subnets.public`: AZ or alias → subnet). */
  | { readonly kind: 'map-of'; readonly value: FieldType }
  /** Self-managed `taints`: a list of `{key, value, effect}` or a `{key: "value:Effect"}` map. */
  | { readonly kind: 'taints' };

export type Shape = Readonly<Record<string, FieldType>>;

const S: FieldType = { kind: 'string' };
const I: FieldType = { kind: 'integer' };
const N: FieldType = { kind: 'number' };
const B: FieldType = { kind: 'boolean' };
const SM: FieldType = { kind: 'string-map' };
const ANY: FieldType = { kind: 'any' };
const SL: FieldType = { kind: 'list', item: S };
const oneOf = (...values: string[]): FieldType => ({ kind: 'string', values });
const obj = (shape: string): FieldType => ({ kind: 'object', shape });
const list = (shape: string): FieldType => ({ kind: 'list', item: obj(shape) });

/** Both node-group kinds share these fields. */
const AMI_FAMILIES = oneOf(
  'AmazonLinux2023', 'AmazonLinux2', 'UbuntuPro2604', 'Ubuntu2604', 'UbuntuPro2404', 'Ubuntu2404', 'UbuntuPro2204',
  'Ubuntu2204', 'UbuntuPro2004', 'Ubuntu2004', 'Bottlerocket', 'BottlerocketFips', 'WindowsServer2019CoreContainer',
  'WindowsServer2019FullContainer', 'WindowsServer2022CoreContainer', 'WindowsServer2022FullContainer',
  'WindowsServer2025CoreContainer', 'WindowsServer2025FullContainer',
);
const VOLUME_TYPES = oneOf('gp2', 'gp3', 'io1', 'io2', 'sc1', 'st1');

const NODE_GROUP_BASE: Shape = {
  name: S, amiFamily: AMI_FAMILIES, instanceType: S, availabilityZones: SL, subnets: SL, instancePrefix: S,
  instanceName: S, desiredCapacity: I, minSize: I, maxSize: I, volumeSize: I, ssh: obj('NodeGroupSSH'),
  labels: SM, privateNetworking: B, tags: SM, iam: obj('NodeGroupIAM'), ami: S, securityGroups: obj('NodeGroupSGs'),
  maxPodsPerNode: I, asgSuspendProcesses: SL, ebsOptimized: B, volumeType: VOLUME_TYPES, volumeName: S,
  volumeEncrypted: B, volumeKmsKeyID: S, volumeIOPS: I, volumeThroughput: I, additionalVolumes: list('VolumeMapping'),
  preBootstrapCommands: SL, overrideBootstrapCommand: S, propagateASGTags: B, disableIMDSv1: B, disablePodIMDS: B,
  placement: obj('Placement'), efaEnabled: B, instanceSelector: obj('InstanceSelector'),
  bottlerocket: obj('NodeGroupBottlerocket'), enableDetailedMonitoring: B, capacityReservation: obj('CapacityReservation'),
  instanceMarketOptions: obj('InstanceMarketOptions'), outpostARN: S, updateConfig: obj('NodeGroupUpdateConfig'),
};

/** Every definition of the schema, by name. The root is `ClusterConfig`. */
export const SHAPES: Readonly<Record<string, Shape>> = {
  ClusterConfig: {
    apiVersion: S, kind: S, metadata: obj('ClusterMeta'), upgradePolicy: obj('UpgradePolicy'),
    kubernetesNetworkConfig: obj('KubernetesNetworkConfig'), autoModeConfig: obj('AutoModeConfig'),
    remoteNetworkConfig: obj('RemoteNetworkConfig'), iam: obj('ClusterIAM'), iamIdentityMappings: list('IAMIdentityMapping'),
    identityProviders: list('IdentityProvider'), accessConfig: obj('AccessConfig'), vpc: obj('ClusterVPC'),
    addons: list('Addon'), addonsConfig: obj('AddonsConfig'), privateCluster: obj('PrivateCluster'),
    nodeGroups: list('NodeGroup'), managedNodeGroups: list('ManagedNodeGroup'), fargateProfiles: list('FargateProfile'),
    availabilityZones: SL, localZones: SL, cloudWatch: obj('ClusterCloudWatch'), secretsEncryption: obj('SecretsEncryption'),
    gitops: obj('GitOps'), karpenter: obj('Karpenter'), outpost: obj('Outpost'),
    controlPlaneScalingConfig: obj('ControlPlaneScalingConfig'), zonalShiftConfig: obj('ZonalShiftConfig'),
    capabilities: list('Capability'),
  },
  ClusterMeta: {
    name: S, region: S, version: S, forceUpdateVersion: B, rollbackConfig: obj('RollbackConfig'), tags: SM, annotations: SM,
  },
  RollbackConfig: { timeoutMinutes: I },
  UpgradePolicy: { supportType: oneOf('STANDARD', 'EXTENDED') },
  KubernetesNetworkConfig: { ipFamily: oneOf('IPv4', 'IPv6'), serviceIPv4CIDR: S, serviceIPv6CIDR: S },
  AutoModeConfig: { enabled: B, nodeRoleARN: S, permissionsBoundaryARN: S, nodePools: SL },
  RemoteNetworkConfig: {
    iam: obj('RemoteNodesIAM'), vpcGatewayID: S, remoteNodeNetworks: list('RemoteNetwork'), remotePodNetworks: list('RemoteNetwork'),
  },
  RemoteNodesIAM: { provider: S, roleARN: S, caBundleCert: S },
  RemoteNetwork: { cidrs: SL },
  ClusterIAM: {
    serviceRoleARN: S, serviceRolePermissionsBoundary: S, fargatePodExecutionRoleARN: S,
    fargatePodExecutionRolePermissionsBoundary: S, withOIDC: B, serviceAccounts: list('ClusterIAMServiceAccount'),
    podIdentityAssociations: list('PodIdentityAssociation'), vpcResourceControllerPolicy: B,
  },
  ClusterIAMServiceAccount: {
    metadata: obj('ClusterIAMMeta'), attachPolicyARNs: SL, wellKnownPolicies: obj('WellKnownPolicies'), attachPolicy: ANY,
    attachRoleARN: S, permissionsBoundary: S, status: obj('ClusterIAMServiceAccountStatus'), roleName: S, roleOnly: B,
    tags: SM, subjectPattern: S,
  },
  ClusterIAMMeta: { name: S, namespace: S, labels: SM, annotations: SM },
  ClusterIAMServiceAccountStatus: { roleARN: S, stackName: S, tags: SM, capabilities: SL },
  WellKnownPolicies: {
    imageBuilder: B, autoScaler: B, awsLoadBalancerController: B, externalDNS: B, certManager: B, ebsCSIController: B,
    efsCSIController: B,
  },
  PodIdentityAssociation: {
    namespace: S, serviceAccountName: S, roleARN: S, createServiceAccount: B, roleName: S, permissionsBoundaryARN: S,
    permissionPolicyARNs: SL, permissionPolicyName: S, permissionPolicy: ANY, wellKnownPolicies: obj('WellKnownPolicies'),
    tags: SM, targetRoleARN: S, disableSessionTags: B, policy: S,
  },
  IAMIdentityMapping: { arn: S, username: S, groups: SL, account: S, serviceName: S, namespace: S, noDuplicateARNs: B },
  // `type: oidc` with the fields of OIDCIdentityProvider (the schema's oneOf).
  IdentityProvider: {
    type: oneOf('oidc'), name: S, issuerURL: S, clientID: S, usernameClaim: S, usernamePrefix: S, groupsClaim: S,
    groupsPrefix: S, requiredClaims: SM, tags: SM,
  },
  AccessConfig: { authenticationMode: S, bootstrapClusterCreatorAdminPermissions: B, accessEntries: list('AccessEntry') },
  AccessEntry: { principalARN: S, type: S, kubernetesGroups: SL, kubernetesUsername: S, accessPolicies: list('AccessPolicy') },
  AccessPolicy: { policyARN: S, accessScope: obj('AccessScope') },
  AccessScope: { type: S, namespaces: SL },
  ClusterVPC: {
    id: S, cidr: S, ipv6Cidr: S, ipv6Pool: S, securityGroup: S, subnets: obj('ClusterSubnets'), hostnameType: S,
    extraCIDRs: SL, extraIPv6CIDRs: SL, sharedNodeSecurityGroup: S, manageSharedNodeSecurityGroupRules: B,
    autoAllocateIPv6: B, nat: obj('ClusterNAT'), clusterEndpoints: obj('ClusterEndpoints'), publicAccessCIDRs: SL,
    controlPlaneSubnetIDs: SL, controlPlaneOnPrivateSubnets: B, controlPlaneSecurityGroupIDs: SL, controlPlaneEgressMode: S,
  },
  ClusterSubnets: {
    private: { kind: 'map-of', value: obj('AZSubnetSpec') },
    public: { kind: 'map-of', value: obj('AZSubnetSpec') },
  },
  AZSubnetSpec: { id: S, az: S, cidr: S },
  ClusterNAT: { gateway: oneOf('HighlyAvailable', 'Single', 'Disable') },
  ClusterEndpoints: { privateAccess: B, publicAccess: B },
  Addon: {
    name: S, version: S, serviceAccountRoleARN: S, attachPolicyARNs: SL, attachPolicy: ANY, permissionsBoundary: S,
    wellKnownPolicies: obj('WellKnownPolicies'), tags: SM, resolveConflicts: S, podIdentityAssociations: list('PodIdentityAssociation'),
    useDefaultPodIdentityAssociations: B, configurationValues: S, namespaceConfig: obj('AddonNamespaceConfig'),
    publishers: SL, types: SL, owners: SL,
  },
  AddonNamespaceConfig: { namespace: S },
  AddonsConfig: { autoApplyPodIdentityAssociations: B, disableDefaultAddons: B },
  PrivateCluster: { enabled: B, skipEndpointCreation: B, additionalEndpointServices: SL },
  ManagedNodeGroup: {
    ...NODE_GROUP_BASE, instanceTypes: SL, spot: B, taints: list('NodeGroupTaint'), launchTemplate: obj('LaunchTemplate'),
    releaseVersion: S, nodeRepairConfig: obj('NodeGroupNodeRepairConfig'),
  },
  NodeGroup: {
    ...NODE_GROUP_BASE, instancesDistribution: obj('NodeGroupInstancesDistribution'), asgMetricsCollection: list('MetricsCollection'),
    cpuCredits: S, classicLoadBalancerNames: SL, targetGroupARNs: SL, taints: { kind: 'taints' }, clusterDNS: S,
    kubeletExtraConfig: ANY, containerRuntime: S, maxInstanceLifetime: I, localZones: SL, enclaveEnabled: B,
  },
  NodeGroupSSH: { allow: B, publicKeyPath: S, publicKey: S, publicKeyName: S, sourceSecurityGroupIds: SL, enableSsm: B },
  NodeGroupIAM: {
    attachPolicy: ANY, attachPolicyARNs: SL, instanceProfileARN: S, instanceRoleARN: S, instanceRoleName: S,
    instanceRolePermissionsBoundary: S, withAddonPolicies: obj('NodeGroupIAMAddonPolicies'),
  },
  NodeGroupIAMAddonPolicies: {
    imageBuilder: B, autoScaler: B, externalDNS: B, certManager: B, appMesh: B, appMeshPreview: B, ebs: B, fsx: B, efs: B,
    awsLoadBalancerController: B, albIngress: B, xRay: B, cloudWatch: B,
  },
  NodeGroupSGs: { attachIDs: SL, withShared: B, withLocal: B },
  NodeGroupTaint: { key: S, value: S, effect: oneOf('NoSchedule', 'PreferNoSchedule', 'NoExecute') },
  NodeGroupUpdateConfig: { maxUnavailable: I, maxUnavailablePercentage: I },
  NodeGroupNodeRepairConfig: {
    enabled: B, maxUnhealthyNodeThresholdPercentage: I, maxUnhealthyNodeThresholdCount: I,
    maxParallelNodesRepairedPercentage: I, maxParallelNodesRepairedCount: I, nodeRepairConfigOverrides: list('NodeRepairConfigOverride'),
  },
  NodeRepairConfigOverride: { nodeMonitoringCondition: S, nodeUnhealthyReason: S, minRepairWaitTimeMins: I, repairAction: S },
  NodeGroupInstancesDistribution: {
    instanceTypes: SL, maxPrice: N, onDemandBaseCapacity: I, onDemandPercentageAboveBaseCapacity: I, spotInstancePools: I,
    spotAllocationStrategy: S, capacityRebalance: B,
  },
  NodeGroupBottlerocket: { enableAdminContainer: B, settings: ANY },
  VolumeMapping: {
    volumeSize: I, volumeType: VOLUME_TYPES, volumeName: S, volumeEncrypted: B, volumeKmsKeyID: S, volumeIOPS: I,
    volumeThroughput: I, snapshotID: S,
  },
  InstanceSelector: {
    vCPUs: I, memory: S, gpus: I, neuron_devices: I, cpuArchitecture: oneOf('x86_64', 'amd64', 'arm64'), allow: S, deny: S,
  },
  InstanceMarketOptions: { marketType: S },
  CapacityReservation: { capacityReservationPreference: S, capacityReservationTarget: obj('CapacityReservationTarget') },
  CapacityReservationTarget: { capacityReservationID: S, capacityReservationResourceGroupARN: S },
  LaunchTemplate: { id: S, version: S },
  Placement: { groupName: S, spreadLevel: S },
  MetricsCollection: { granularity: S, metrics: SL },
  FargateProfile: { name: S, podExecutionRoleARN: S, selectors: list('FargateProfileSelector'), subnets: SL, tags: SM, status: S },
  FargateProfileSelector: { namespace: S, labels: SM },
  ClusterCloudWatch: { clusterLogging: obj('ClusterCloudWatchLogging') },
  ClusterCloudWatchLogging: {
    enableTypes: { kind: 'list', item: oneOf('api', 'audit', 'authenticator', 'controllerManager', 'scheduler', 'all', '*') },
    logRetentionInDays: I,
  },
  SecretsEncryption: { keyARN: S },
  GitOps: { flux: obj('Flux') },
  Flux: { gitProvider: S, flags: SM },
  Karpenter: { version: S, createServiceAccount: B, defaultInstanceProfile: S, withSpotInterruptionQueue: B },
  Outpost: {
    controlPlaneOutpostARN: S, controlPlaneInstanceType: S, controlPlanePlacement: obj('Placement'), etcdInstanceType: S,
    etcdPlacement: obj('Placement'),
  },
  ControlPlaneScalingConfig: { tier: S },
  ZonalShiftConfig: { enabled: B },
  Capability: {
    name: S, type: S, roleArn: S, deletePropagationPolicy: S, configuration: obj('CapabilityConfiguration'), tags: SM,
    accessPolicies: list('AccessPolicy'), attachPolicyARNs: SL, attachPolicy: ANY, permissionsBoundary: S,
  },
  CapabilityConfiguration: { argocd: obj('ArgoCDConfiguration') },
  ArgoCDConfiguration: {
    namespace: S, networkAccess: obj('ArgoCDNetworkAccess'), rbacRoleMappings: list('ArgoCDRoleMapping'), awsIdc: obj('ArgoCDAWSIDC'),
  },
  ArgoCDNetworkAccess: { vpceIds: SL },
  ArgoCDRoleMapping: { role: S, identities: list('SSOIdentity') },
  SSOIdentity: { id: S, type: S },
  ArgoCDAWSIDC: { idcInstanceArn: S, idcRegion: S },
};

/**
 * Fields that only the old `eksctl.io/v1alpha3` API had (node-group SSH and IAM settings before they
 * moved under `ssh:` and `iam:`); accepted for v1alpha3 documents only.
 */
export const V1ALPHA3_NODE_GROUP_FIELDS: Shape = {
  allowSSH: B, sshPublicKeyPath: S, sshPublicKey: S, sshPublicKeyName: S, policyARNs: SL, instanceRoleARN: S,
};

/** The API versions archmap reads; eksctl itself only still accepts v1alpha5. */
export const API_VERSIONS = ['eksctl.io/v1alpha5', 'eksctl.io/v1alpha3'] as const;
