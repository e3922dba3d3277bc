// Time as the report shows it: offsets from the update request and plain durations.

/** `45 s`, `1 min`, `1 min 30 s`, `1 h 2 min`; `0 s` for zero. Rounded to the second. */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const parts: string[] = []
  if (hours > 0) parts.push(`${hours} h`)
  if (minutes > 0) parts.push(`${minutes} min`)
  if (seconds > 0) parts.push(`${seconds} s`)
  return parts.length === 0 ? '0 s' : parts.join(' ')
}

/**
 * An offset from the start of the deployment: `T+0`, `T+45 s`, `T+1 min`, `T+1 min 30 s`.
 * Negative offsets (service clock slightly behind ours) read `T-5 s`.
 */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms)) return 'T+?'
  const rounded = Math.round(ms / 1000)
  if (rounded === 0) return 'T+0'
  return `T${rounded < 0 ? '-' : '+'}${formatDuration(ms)}`
}

/** `75%`, `33.3%`: whole numbers stay whole, others keep one decimal. */
export function formatPercent(percent: number): string {
  return `${Math.round(percent * 10) / 10}%`
}

/**
 * CloudWatch writes the datapoint times in an alarm's state reason as `30/11/26 09:18:00`
 * (day/month/two-digit year, UTC), which reads as November 30 in one country and as nothing in
 * another: `2026-11-30 09:18:00 UTC` instead.
 */
export function isoReasonTimes(text: string): string {
  return text.replace(
    /\b(\d{2})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}(?::\d{2})?)\b/g,
    (_, day: string, month: string, year: string, clock: string) =>
      `20${year}-${month}-${day} ${clock} UTC`
  )
}
