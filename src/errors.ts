/** A problem with the action's inputs: names the (first) offending input. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
    this.name = 'InputError'
  }
}

/** Turns anything thrown into a message a user can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    const json = JSON.stringify(error)
    if (json !== undefined) return json
  } catch {
    // circular or BigInt: fall through to String()
  }
  return String(error)
}

/** Text as a sentence: ends with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?:)]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
