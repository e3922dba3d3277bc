// The endpoint as a target: a variant updated blue/green or rolling with CreateEndpoint or
// UpdateEndpoint. Pre-flight reads the endpoint (preflight.ts), launch writes its config and the
// endpoint (launch.ts's ENDPOINT_WRITE), and the watch reads DescribeEndpoint.
import { errorMessage, sentence } from '../../errors.js'
import { cleanup, ENDPOINT_WRITE } from './launch.js'
import { policyFromDeploymentConfig, stepInstances } from './plan.js'
import { guardrailExclusion, readCurrentEndpoint } from './preflight.js'
import { readRestore } from './restore-read.js'
import { DEFAULT_PROVISIONING_SECONDS } from '../../deploy/plan.js'
import { capacityWays } from '../../deploy/capacity.js'
import { nothingPlanned, type Target, type TargetContext } from '../../deploy/target.js'
import type { CurrentEndpoint, DeployResult, Plan } from '../../types.js'
import { alreadyDeployed, cancelledAfterStart, planned, startedOnly } from '../../verdict.js'
import { createTimeline, type WatchContext } from '../../watch/reducer.js'

/** What to do about an error that stops pre-flight, for the person reading it. */
export function preflightHint(e: unknown): string {
  const text = errorMessage(e)
  if (/Could not load credentials|CredentialsProviderError/i.test(text)) {
    return ' Configure AWS credentials before this step: aws-actions/configure-aws-credentials with role-to-assume (and permissions: id-token: write for OIDC), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
  }
  if (/AccessDenied|not authorized/i.test(text)) {
    return ' The role needs the permissions in docs/iam-policy.json.'
  }
  return ''
}

export function endpointTarget(o: TargetContext): Target {
  const { request } = o
  return {
    preflightTitle: `${request.endpointName} in ${request.region}`,
    carriedFrom: 'live endpoint',
    read: waitUntil => {
      const deps = { api: o.api, log: o.log, now: o.now, sleep: o.sleep, buildPlan: o.buildPlan }
      return request.rollbackTo !== undefined
        ? readRestore(request, o.run, deps, waitUntil, DEFAULT_PROVISIONING_SECONDS)
        : readCurrentEndpoint(request, o.run, deps, waitUntil)
    },
    unreadableDryRun: e => unreadableDryRun(o, e),
    liveLine: ({ current }) =>
      current
        ? `Live: ${current.configName} (${current.variantName}, ${current.instanceCount ?? '?'} × ${current.instanceType ?? '?'}, model ${current.modelName ?? '?'})`
        : `Endpoint ${request.endpointName} does not exist: this run creates it (no traffic shift on a new endpoint).`,
    guardrailExclusion,
    alreadyLive: ({ plan, current }) => ({
      line: `The endpoint already serves ${plan.endpointConfigName}, exactly what this step deploys: nothing to do.`,
      verdict: request.dryRun
        ? planned(
            plan,
            `Plan only (dry-run): nothing would change, the endpoint already serves ${plan.endpointConfigName}.`
          )
        : alreadyDeployed(plan, current?.status)
    }),
    launchTitle: plan => `Launch: ${plan.endpointConfigName}`,
    write: ENDPOINT_WRITE,
    notStartedWords: (plan, current, error) => ({
      subject: 'The endpoint',
      read: 'the endpoint',
      lookAt: 'endpoint',
      unknownTail: "; a re-run of this job attaches to this step's deployment if it started",
      notAppliedHint: quotaHint(error, plan, current)
    }),
    cancelledAfterStart: (plan, launched) => cancelledAfterStart(plan, launched.confirmedByRead),
    watchSetup: (plan, { current }, requestedAt) => {
      const policy = request.policy ?? policyFromDeploymentConfig(current?.lastDeploymentConfig)
      const ctx: WatchContext = {
        newConfigName: plan.endpointConfigName,
        oldConfigName: plan.previousConfigName,
        firstDeploy: plan.firstDeploy,
        instanceCount: plan.instanceCount,
        schedule: plan.schedule,
        previousLastModified: current?.lastModifiedTime,
        waitIntervalSeconds: policy?.waitIntervalSeconds,
        terminationWaitSeconds: policy?.terminationWaitSeconds,
        ...(plan.guardAlarmNames.length === 0 ? { unguarded: true } : {})
      }
      const rolling =
        policy?.routing === 'rolling' && !plan.firstDeploy
          ? {
              batch: stepInstances(policy.stepSize, plan.instanceCount),
              fleet: plan.instanceCount,
              oldFleet: current?.instanceCount ?? plan.instanceCount,
              waitIntervalSeconds: policy.waitIntervalSeconds,
              newConfigName: plan.endpointConfigName
            }
          : undefined
      return {
        ctx,
        start: createTimeline(ctx, requestedAt),
        ...(rolling ? { rolling } : {}),
        startedOnly: startedOnly(plan)
      }
    },
    cleanup: async (api, plan, created, log) => {
      await cleanup(api, plan.endpointName, created, log)
    }
  }
}

/**
 * ResourceLimitExceeded on an update: the new fleet runs next to the live one, and needs room.
 * Pre-flight's capacity check refuses what it can count; this is for what it could not.
 */
function quotaHint(error: string, plan: Plan, current: CurrentEndpoint | null | undefined): string {
  if (!/ResourceLimitExceeded/.test(error) || plan.firstDeploy) return ''
  const live = current?.instanceCount ?? 0
  const rolling = plan.schedule.some(step => step.blueInstances !== undefined)
  const extra =
    rolling && plan.peakInstances ? plan.peakInstances.rolling - live : plan.instanceCount
  const ways = capacityWays({
    instanceType: plan.instanceType,
    region: plan.region,
    rolling,
    firstDeploy: false
  })
  return ` The update runs new instances next to the live fleet: ${live} live + ${extra} new = ${live + extra} ${plan.instanceType} instances at the peak, more than the account's quota allows. ${ways}`
}

/** A dry run whose credentials cannot read the endpoint: it cannot know what would happen. */
function unreadableDryRun(o: TargetContext, e: unknown): DeployResult {
  const why = sentence(errorMessage(e))
  const head = `Could not read endpoint ${o.request.endpointName} (${why.replace(/\.$/, '')}), so this plan does not know whether it exists.${preflightHint(e)}`
  o.log.warning(head)
  if (o.request.instanceType === undefined || o.request.instanceCount === undefined) {
    return nothingPlanned(
      `${head} An update would start from the live config, which could not be read; to plan the case of a new endpoint, set instance-type and instance-count.`
    )
  }
  const plan: Plan = {
    ...o.buildPlan(o.request, o.run, null),
    liveUnknown: `${head} If it exists, it would be updated with a blue/green shift from its live config, which could not be read; if it does not, it would be created as planned here.`
  }
  return {
    plan,
    current: undefined,
    timeline: undefined,
    verdict: planned(plan, `Plan only (dry-run): nothing was changed in AWS. ${head}`)
  }
}
