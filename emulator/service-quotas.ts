// Service Quotas (AWS JSON 1.1, `ServiceQuotasV20190624.<Op>`): ListServiceQuotas and
// GetServiceQuota for SageMaker's endpoint instance quotas, the scenario's `instanceQuota` (which
// quota.ts enforces). With `instanceQuota` null the emulator enforces no quota and lists none.

import { createHash } from 'node:crypto'
import { ApiError } from './errors.js'
import type { Params } from './validate.js'

export interface ServiceQuotasContext {
  accountId: string
  region: string
  instanceQuota(): Record<string, number> | null
}

/** `L-` and 8 upper-case hex characters, stable for a quota name. */
export function quotaCode(name: string): string {
  return `L-${createHash('sha256').update(name).digest('hex').slice(0, 8).toUpperCase()}`
}

export class ServiceQuotas {
  constructor(private readonly ctx: ServiceQuotasContext) {}

  operations(): Record<string, (p: Params) => unknown> {
    return {
      ListServiceQuotas: p => this.listServiceQuotas(p),
      GetServiceQuota: p => this.getServiceQuota(p)
    }
  }

  private quotas(serviceCode: string): Params[] {
    if (serviceCode !== 'sagemaker') return []
    return Object.entries(this.ctx.instanceQuota() ?? {})
      .map(([type, value]) => {
        const name = `${type} for endpoint usage`
        const code = quotaCode(name)
        return {
          ServiceCode: 'sagemaker',
          ServiceName: 'Amazon SageMaker',
          QuotaArn: `arn:aws:servicequotas:${this.ctx.region}:${this.ctx.accountId}:sagemaker/${code}`,
          QuotaCode: code,
          QuotaName: name,
          Value: value,
          Unit: 'None',
          Adjustable: true,
          GlobalQuota: false,
          QuotaAppliedAtLevel: 'ACCOUNT'
        }
      })
      .sort((a, b) => a.QuotaName.localeCompare(b.QuotaName))
  }

  private serviceCode(p: Params): string {
    const code = p.ServiceCode
    if (typeof code !== 'string' || !/^[a-zA-Z][a-zA-Z0-9-]{1,63}$/.test(code))
      throw new ApiError(
        'ValidationException',
        `1 validation error detected: Value '${String(code)}' at 'serviceCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][a-zA-Z0-9-]{1,63}`
      )
    return code
  }

  private listServiceQuotas(p: Params): Params {
    const all = this.quotas(this.serviceCode(p))
    const max = p.MaxResults === undefined ? 100 : p.MaxResults
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100)
      throw new ApiError(
        'ValidationException',
        `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100`
      )
    let offset = 0
    if (p.NextToken !== undefined) {
      offset = Number(p.NextToken)
      if (!Number.isInteger(offset) || offset < 0 || offset > all.length)
        throw new ApiError('InvalidPaginationTokenException', 'Invalid pagination token.')
    }
    const page = all.slice(offset, offset + max)
    return {
      Quotas: page,
      ...(offset + max < all.length ? { NextToken: String(offset + max) } : {})
    }
  }

  private getServiceQuota(p: Params): Params {
    const serviceCode = this.serviceCode(p)
    const found = this.quotas(serviceCode).find(q => q.QuotaCode === p.QuotaCode)
    if (found === undefined)
      throw new ApiError(
        'NoSuchResourceException',
        `The request failed because the specified quota ${String(p.QuotaCode)} does not exist for service ${serviceCode}.`
      )
    return { Quota: found }
  }
}
