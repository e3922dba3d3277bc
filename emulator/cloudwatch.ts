// CloudWatch operations (AWS JSON 1.0, query-compatible): alarms, history, metric data in and out.

import type { AlarmBook, AlarmRecord } from './alarms.js'
import { CloudWatchAlarms } from './cloudwatch-alarms.js'
import { CloudWatchMetrics } from './cloudwatch-metrics.js'
import type { Params } from './cloudwatch-params.js'
import type { MetricStore } from './metrics.js'
import type { Random } from './random.js'

type Handler = (params: Params) => unknown

export class CloudWatch {
  private readonly alarmOperations: CloudWatchAlarms
  private readonly metricOperations: CloudWatchMetrics

  constructor(
    readonly alarms: AlarmBook,
    metrics: MetricStore,
    region: string,
    accountId: string,
    now: () => number,
    customMetricDelaySeconds: () => number = () => 0,
    random: Random = Math.random
  ) {
    this.alarmOperations = new CloudWatchAlarms(alarms, region, accountId, now)
    this.metricOperations = new CloudWatchMetrics(metrics, now, customMetricDelaySeconds, random)
  }

  operations(): Record<string, Handler> {
    const { alarmOperations: alarms, metricOperations: metrics } = this
    return {
      PutMetricAlarm: p => alarms.putMetricAlarm(p),
      DescribeAlarms: p => alarms.describeAlarms(p),
      DescribeAlarmHistory: p => alarms.describeAlarmHistory(p),
      SetAlarmState: p => alarms.setAlarmState(p),
      DeleteAlarms: p => alarms.deleteAlarms(p),
      PutMetricData: p => metrics.putMetricData(p),
      GetMetricData: p => metrics.getMetricData(p),
      ListMetrics: p => metrics.listMetrics(p),
      TagResource: p => alarms.tagResource(p),
      UntagResource: p => alarms.untagResource(p),
      ListTagsForResource: p => ({ Tags: alarms.alarmByArn(p).tags })
    }
  }

  alarmArn(name: string): string {
    return this.alarmOperations.alarmArn(name)
  }

  renderAlarm(a: AlarmRecord): Params {
    return this.alarmOperations.renderAlarm(a)
  }
}
