// The rules CreateEndpointConfig applies beyond the model's per-field constraints: what each
// kind of variant needs (instance-based, serverless, inference-component), and the features
// serverless endpoints and managed instance scaling exclude. Sources in emulator/README.md.

import { validation } from './errors.js'
import type { ModelRecord, VariantSpec } from './state.js'
import type { Params } from './validate.js'

type FindModel = (name: string) => ModelRecord | undefined

function variantSpec(v: Params, findModel: FindModel, list: string): VariantSpec {
  const VariantName = String(v.VariantName)
  const ModelName = typeof v.ModelName === 'string' ? v.ModelName : ''
  const serverless = v.ServerlessConfig !== undefined
  if (serverless && (v.InstanceType !== undefined || v.InitialInstanceCount !== undefined)) {
    throw validation(
      `${list} variant ${VariantName}: ServerlessConfig cannot be combined with InstanceType or InitialInstanceCount.`
    )
  }
  if (!serverless && v.InstanceType === undefined)
    throw validation(`InstanceType is required for production variant ${VariantName}.`)
  if (!serverless && v.InitialInstanceCount === undefined)
    throw validation(`InitialInstanceCount is required for production variant ${VariantName}.`)
  if (ModelName === '' && serverless)
    throw validation(`ModelName is required for serverless production variant ${VariantName}.`)
  if (ModelName !== '' && v.ManagedInstanceScaling !== undefined)
    throw validation('ManagedInstanceScaling is only supported for inference component endpoints.')
  if (ModelName !== '' && findModel(ModelName) === undefined)
    throw validation(`Could not find model "${ModelName}".`)
  return {
    VariantName,
    ModelName,
    InitialInstanceCount: serverless ? 1 : Number(v.InitialInstanceCount),
    InstanceType: serverless ? '' : String(v.InstanceType),
    InitialVariantWeight: typeof v.InitialVariantWeight === 'number' ? v.InitialVariantWeight : 1,
    spec: v
  }
}

function unique(variants: VariantSpec[], what: string): void {
  const names = new Set<string>()
  for (const v of variants) {
    if (names.has(v.VariantName))
      throw validation(`Duplicate VariantName "${v.VariantName}" in ${what}.`)
    names.add(v.VariantName)
  }
}

/** Serverless endpoints leave out these features (serverless-endpoints "Feature exclusions"). */
function serverlessExclusions(input: Params, variants: VariantSpec[], findModel: FindModel): void {
  const serverless = variants.filter(v => v.spec.ServerlessConfig !== undefined)
  if (serverless.length === 0) return
  const refuse = (feature: string): never => {
    throw validation(`Serverless endpoints do not support ${feature}.`)
  }
  if (variants.length > 1) refuse('multiple production variants')
  if (input.ShadowProductionVariants !== undefined) refuse('shadow production variants')
  if (input.DataCaptureConfig !== undefined) refuse('data capture (DataCaptureConfig)')
  if (input.VpcConfig !== undefined) refuse('VPC configuration (VpcConfig)')
  if (input.EnableNetworkIsolation === true) refuse('network isolation')
  if (input.AsyncInferenceConfig !== undefined) refuse('asynchronous inference')
  for (const v of serverless) {
    const model = findModel(v.ModelName)?.request
    if (model?.VpcConfig !== undefined) refuse(`VPC configuration (model ${v.ModelName})`)
    if (model?.EnableNetworkIsolation === true) refuse(`network isolation (model ${v.ModelName})`)
    const containers = (model?.Containers as unknown[] | undefined) ?? []
    if (containers.length > 1) refuse(`inference pipelines (model ${v.ModelName})`)
  }
}

/** The variants of a validated CreateEndpointConfig input, or the rule it breaks. */
export function configVariants(
  input: Params,
  findModel: FindModel
): { variants: VariantSpec[]; shadow: VariantSpec[] } {
  const variants = (input.ProductionVariants as Params[]).map(v =>
    variantSpec(v, findModel, 'Production')
  )
  const shadow = ((input.ShadowProductionVariants as Params[] | undefined) ?? []).map(v =>
    variantSpec(v, findModel, 'Shadow')
  )
  unique(variants, 'ProductionVariants')
  unique([...variants, ...shadow], 'ProductionVariants and ShadowProductionVariants')
  const components = variants.filter(v => v.ModelName === '')
  if (components.length > 0 && input.ExecutionRoleArn === undefined) {
    throw validation(
      'ExecutionRoleArn is required for an endpoint configuration whose production variants host inference components (no ModelName).'
    )
  }
  serverlessExclusions(input, variants, findModel)
  return { variants, shadow }
}

export function isServerless(spec: Record<string, unknown> | undefined): boolean {
  return spec?.ServerlessConfig !== undefined
}

export function hostsInferenceComponents(spec: Record<string, unknown> | undefined): boolean {
  return spec !== undefined && spec.ModelName === undefined
}
