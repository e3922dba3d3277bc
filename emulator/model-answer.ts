// The emulated models' truth: a correct model's answer is a deterministic function of the request
// body, so a caller can compute golden answers offline (scripts import `modelAnswer`).

export interface ModelAnswer {
  label: 'fraud' | 'legit'
  score: number
}

/** FNV-1a, 32 bits, over the bytes. */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5
  for (const byte of bytes) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000

/** What a correct model answers for this request body (UTF-8 when a string). */
export function modelAnswer(body: Uint8Array | string): ModelAnswer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  // [0, 1) before rounding; 0.99996 and above would round to 1, so cap at 0.9999.
  const score = Math.min(0.9999, round4(fnv1a32(bytes) / 4294967296))
  return { label: score >= 0.5 ? 'fraud' : 'legit', score }
}

/** A wrong answer: the label flipped, the score mirrored (1 - score, rounded). */
export function wrongAnswer(right: ModelAnswer): ModelAnswer {
  return {
    label: right.label === 'fraud' ? 'legit' : 'fraud',
    score: round4(1 - right.score)
  }
}
