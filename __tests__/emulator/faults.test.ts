import { describe, it, expect, afterEach } from '@jest/globals'
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  DescribeEndpointCommand,
  ListEndpointsCommand,
  UpdateEndpointCommand
} from '@aws-sdk/client-sagemaker'
import { failure, startLab, stopLab, type Lab } from './helpers.js'

let lab: Lab | undefined
afterEach(async () => {
  await stopLab(lab)
  lab = undefined
})

describe('fault injection', () => {
  it('throttling: the SDK retries and succeeds; with every call throttled it gives up after 3 attempts', async () => {
    lab = await startLab(
      { scenario: { faults: [{ operation: 'ListEndpoints', throttleRate: 1, times: 2 }] } },
      3
    )
    const result = await lab.sm.send(new ListEndpointsCommand({}))
    expect(result.$metadata.attempts).toBe(3)
    expect(lab.emu.calls().map(c => c.status)).toEqual([400, 400, 200])
    expect(lab.emu.calls()[0]?.error).toBe('ThrottlingException: Rate exceeded')
    lab.emu.setScenario({ faults: [{ operation: 'DescribeAlarms', throttleRate: 1 }] })
    const error = await failure(lab.cw.send(new DescribeAlarmsCommand({})))
    expect(error.name).toBe('Throttling')
    expect(error.$metadata?.attempts).toBe(3)
  })

  it('server errors are retried; dropped connections fail the call', async () => {
    lab = await startLab(
      { scenario: { faults: [{ operation: '*', serverErrorRate: 1, times: 1 }] } },
      2
    )
    const ok = await lab.sm.send(new ListEndpointsCommand({}))
    expect(ok.$metadata.attempts).toBe(2)
    expect(lab.emu.calls()[0]).toMatchObject({ status: 500 })
    lab.emu.setScenario({ faults: [{ operation: 'DescribeEndpoint', dropRate: 1 }] })
    const dropped = await failure(lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'x' })))
    expect(dropped.message).toMatch(/socket hang up|ECONNRESET|closed/i)
    expect(lab.emu.calls().filter(c => c.status === 0).length).toBeGreaterThanOrEqual(1)
  })

  it('slow replies are delayed', async () => {
    lab = await startLab({
      scenario: { faults: [{ operation: 'ListEndpoints', slowRate: 1, slowMs: 300 }] }
    })
    const started = Date.now()
    await lab.sm.send(new ListEndpointsCommand({}))
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('expired credentials: every call answers ExpiredTokenException', async () => {
    lab = await startLab({ scenario: { expireCredentialsAfterSeconds: 0 } })
    const sm = await failure(lab.sm.send(new ListEndpointsCommand({})))
    expect(sm.name).toBe('ExpiredTokenException')
    expect(sm.message).toBe('The security token included in the request is expired')
    const cw = await failure(lab.cw.send(new DescribeAlarmsCommand({})))
    expect(cw.name).toBe('ExpiredToken')
    lab.emu.setScenario({ expireCredentialsAfterSeconds: null })
    expect((await lab.sm.send(new ListEndpointsCommand({}))).Endpoints).toEqual([])
  })

  it('allowedActions: anything else is AccessDenied, naming the action', async () => {
    lab = await startLab({
      scenario: {
        allowedActions: [
          'sagemaker:Describe*',
          'sagemaker:ListEndpoints',
          'cloudwatch:DescribeAlarms'
        ]
      }
    })
    expect((await lab.sm.send(new ListEndpointsCommand({}))).Endpoints).toEqual([])
    const denied = await failure(
      lab.sm.send(new UpdateEndpointCommand({ EndpointName: 'ep', EndpointConfigName: 'cfg' }))
    )
    expect(denied.name).toBe('AccessDeniedException')
    expect(denied.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/emulator-deploy-role/emulator-session is not authorized to perform: sagemaker:UpdateEndpoint on resource: arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep because no identity-based policy allows the sagemaker:UpdateEndpoint action'
    )
    const cw = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          AlarmName: 'a',
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold'
        })
      )
    )
    expect(cw.name).toBe('AccessDenied')
    expect(cw.message).toMatch(
      /is not authorized to perform: cloudwatch:PutMetricAlarm on resource: arn:aws:cloudwatch:us-east-1:123456789012:alarm:a/
    )
    const missing = await failure(
      lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'nope' }))
    )
    expect(missing.name).toBe('ValidationException')
    expect(lab.emu.mutatingCalls().every(c => c.status !== 200)).toBe(true)
  })
})
