// Fixtures for the resource-shape tests: a config and a variant that set every optional field.

import type { CreateEndpointConfigCommandInput, ProductionVariant } from '@aws-sdk/client-sagemaker'
import { ROLE } from './helpers.js'

export const ACCOUNT = '123456789012'
export const KMS = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`

/** A production variant that sets every optional ProductionVariant member but InstancePools. */
export function fullVariant(model: string): ProductionVariant {
  return {
    VariantName: 'AllTraffic',
    ModelName: model,
    InitialInstanceCount: 2,
    InstanceType: 'ml.g5.2xlarge',
    VariantInstanceProvisionTimeoutInSeconds: 1800,
    InitialVariantWeight: 0.75,
    AcceleratorType: 'ml.eia2.medium',
    CoreDumpConfig: { DestinationS3Uri: 's3://dumps/core', KmsKeyId: KMS },
    VolumeSizeInGB: 256,
    ModelDataDownloadTimeoutInSeconds: 3600,
    ContainerStartupHealthCheckTimeoutInSeconds: 1200,
    EnableSSMAccess: true,
    RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
    InferenceAmiVersion: 'al2-ami-sagemaker-inference-gpu-2',
    CapacityReservationConfig: {
      CapacityReservationPreference: 'capacity-reservations-only',
      MlReservationArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:ml-reservation/r-0123`
    }
  }
}

/** An endpoint config that sets every optional CreateEndpointConfig member. */
export function fullConfig(name: string, model: string): CreateEndpointConfigCommandInput {
  return {
    EndpointConfigName: name,
    ProductionVariants: [fullVariant(model)],
    DataCaptureConfig: {
      EnableCapture: true,
      InitialSamplingPercentage: 20,
      DestinationS3Uri: 's3://capture/ep',
      KmsKeyId: KMS,
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
      CaptureContentTypeHeader: {
        CsvContentTypes: ['text/csv'],
        JsonContentTypes: ['application/json']
      }
    },
    KmsKeyId: KMS,
    AsyncInferenceConfig: {
      ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 },
      OutputConfig: {
        KmsKeyId: KMS,
        S3OutputPath: 's3://async/out',
        NotificationConfig: {
          SuccessTopic: `arn:aws:sns:us-east-1:${ACCOUNT}:ok`,
          ErrorTopic: `arn:aws:sns:us-east-1:${ACCOUNT}:error`,
          IncludeInferenceResponseIn: ['SUCCESS_NOTIFICATION_TOPIC']
        },
        S3FailurePath: 's3://async/fail'
      }
    },
    ExplainerConfig: {
      ClarifyExplainerConfig: {
        EnableExplanations: '`true`',
        InferenceConfig: { FeatureHeaders: ['a', 'b'], FeatureTypes: ['numerical', 'text'] },
        ShapConfig: {
          ShapBaselineConfig: { MimeType: 'text/csv', ShapBaseline: '1,2' },
          NumberOfSamples: 100,
          UseLogit: false,
          Seed: 7,
          TextConfig: { Language: 'en', Granularity: 'token' }
        }
      }
    },
    ShadowProductionVariants: [
      {
        VariantName: 'Shadow',
        ModelName: model,
        InitialInstanceCount: 1,
        InstanceType: 'ml.m5.large',
        InitialVariantWeight: 0.5
      }
    ],
    ExecutionRoleArn: ROLE,
    VpcConfig: { SecurityGroupIds: ['sg-0123abcd'], Subnets: ['subnet-0a', 'subnet-0b'] },
    EnableNetworkIsolation: true,
    MetricsConfig: {
      EnableEnhancedMetrics: true,
      EnableDetailedObservability: true,
      MetricPublishFrequencyInSeconds: 60
    },
    Tags: [{ Key: 'team', Value: 'ml' }]
  }
}
