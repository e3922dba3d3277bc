// Service errors. `code` is what the SDK turns into the error name; the server renders it in
// the wire shape of the service that raised it.

export type Service =
  | 'sagemaker'
  | 'cloudwatch'
  | 'runtime'
  | 'application-autoscaling'
  | 's3'
  | 'ecr'
  | 'sts'
  | 'service-quotas'

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** CloudWatch only: the awsQuery code sent in `x-amzn-query-error`. */
    readonly queryCode?: string
  ) {
    super(message)
    this.name = code
  }
}

/** SageMaker's (unmodelled) validation error. */
export function validation(message: string): ApiError {
  return new ApiError('ValidationException', message)
}

const CLOUDWATCH_ERRORS: Record<string, [queryCode: string, status: number]> = {
  ResourceNotFound: ['ResourceNotFound', 404],
  InvalidParameterValueException: ['InvalidParameterValue', 400],
  InvalidParameterCombinationException: ['InvalidParameterCombination', 400],
  MissingRequiredParameterException: ['MissingParameter', 400],
  LimitExceededFault: ['LimitExceeded', 400],
  InvalidNextToken: ['InvalidNextToken', 400],
  InvalidFormatFault: ['InvalidFormat', 400],
  InternalServiceFault: ['InternalServiceError', 500],
  Throttling: ['Throttling', 400],
  AccessDenied: ['AccessDenied', 403],
  ExpiredToken: ['ExpiredToken', 400],
  UnknownOperationException: ['UnknownOperationException', 400],
  SerializationException: ['SerializationException', 400]
}

/** A CloudWatch error by its model shape name (status and query code from the model). */
export function cloudwatchError(
  shape: keyof typeof CLOUDWATCH_ERRORS | string,
  message: string
): ApiError {
  const [queryCode, status] = CLOUDWATCH_ERRORS[shape] ?? [shape, 400]
  return new ApiError(shape, message, status, queryCode)
}

export function invalidParameter(message: string): ApiError {
  return cloudwatchError('InvalidParameterValueException', message)
}

export function missingParameter(name: string): ApiError {
  return cloudwatchError('MissingRequiredParameterException', `The parameter ${name} is required.`)
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
