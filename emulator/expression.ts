// A tiny CloudWatch metric-math evaluator: numbers, metric ids, + - * /, comparisons,
// AND/OR, and the functions IF, FILL and ABS, evaluated per timestamp with the guide's rules for
// missing values (see `evaluate`).

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; id: string }
  | { kind: 'unary'; op: '-'; arg: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'call'; name: string; args: Expr[] }

export class ExpressionError extends Error {}

const FUNCTIONS: Record<string, [min: number, max: number]> = {
  IF: [2, 3],
  FILL: [2, 2],
  ABS: [1, 1]
}

type Token = { type: 'num' | 'id' | 'op' | 'lparen' | 'rparen' | 'comma'; text: string }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const pattern =
    /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(>=|<=|==|!=|&&|\|\||[-+*/<>])|(\()|(\))|(,))/y
  let index = 0
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break
    pattern.lastIndex = index
    const match = pattern.exec(text)
    if (match === null) throw new ExpressionError(`unexpected character at position ${index + 1}`)
    index = pattern.lastIndex
    if (match[1] !== undefined) tokens.push({ type: 'num', text: match[1] })
    else if (match[2] !== undefined) tokens.push({ type: 'id', text: match[2] })
    else if (match[3] !== undefined) tokens.push({ type: 'op', text: match[3] })
    else if (match[4] !== undefined) tokens.push({ type: 'lparen', text: '(' })
    else if (match[5] !== undefined) tokens.push({ type: 'rparen', text: ')' })
    else tokens.push({ type: 'comma', text: ',' })
  }
  return tokens
}

export function parseExpression(text: string): Expr {
  const tokens = tokenize(text)
  let pos = 0
  const peek = (): Token | undefined => tokens[pos]
  const isOp = (...ops: string[]): boolean => {
    const token = peek()
    if (token === undefined) return false
    if (token.type === 'op' && ops.includes(token.text)) return true
    return (
      token.type === 'id' &&
      ops.includes(token.text.toUpperCase()) &&
      ['AND', 'OR'].includes(token.text.toUpperCase())
    )
  }
  const take = (): Token => {
    const token = tokens[pos++]
    if (token === undefined) throw new ExpressionError('unexpected end of expression')
    return token
  }
  const binaryLevel = (ops: string[], next: () => Expr): (() => Expr) => {
    return () => {
      let left = next()
      while (isOp(...ops)) {
        const raw = take().text.toUpperCase()
        const op = raw === 'AND' ? '&&' : raw === 'OR' ? '||' : raw
        left = { kind: 'binary', op, left, right: next() }
      }
      return left
    }
  }
  const primary = (): Expr => {
    const token = take()
    if (token.type === 'num') return { kind: 'number', value: Number(token.text) }
    if (token.type === 'op' && token.text === '-') return { kind: 'unary', op: '-', arg: primary() }
    if (token.type === 'lparen') {
      const inner = orLevel()
      if (take().type !== 'rparen') throw new ExpressionError('missing ")"')
      return inner
    }
    if (token.type === 'id') {
      if (peek()?.type !== 'lparen') return { kind: 'ref', id: token.text }
      const name = token.text.toUpperCase()
      const arity = FUNCTIONS[name]
      if (arity === undefined) throw new ExpressionError(`unsupported function ${token.text}`)
      take()
      const args: Expr[] = []
      if (peek()?.type !== 'rparen') {
        args.push(orLevel())
        while (peek()?.type === 'comma') {
          take()
          args.push(orLevel())
        }
      }
      if (take().type !== 'rparen') throw new ExpressionError(`missing ")" after ${name} arguments`)
      if (args.length < arity[0] || args.length > arity[1]) {
        throw new ExpressionError(
          `${name} takes ${arity[0]}-${arity[1]} arguments, got ${args.length}`
        )
      }
      return { kind: 'call', name, args }
    }
    throw new ExpressionError(`unexpected "${token.text}"`)
  }
  const mul = binaryLevel(['*', '/'], primary)
  const add = binaryLevel(['+', '-'], mul)
  const cmp = binaryLevel(['>', '<', '>=', '<=', '==', '!='], add)
  const andLevel = binaryLevel(['&&', 'AND'], cmp)
  const orLevel = binaryLevel(['||', 'OR'], andLevel)
  if (tokens.length === 0) throw new ExpressionError('empty expression')
  const expr = orLevel()
  if (pos < tokens.length) throw new ExpressionError(`unexpected "${tokens[pos]?.text}"`)
  return expr
}

export function references(expr: Expr): string[] {
  switch (expr.kind) {
    case 'number':
      return []
    case 'ref':
      return [expr.id]
    case 'unary':
      return references(expr.arg)
    case 'binary':
      return [...references(expr.left), ...references(expr.right)]
    case 'call':
      return expr.args.flatMap(references)
  }
}

/** One timestamp's value of an operand; `series` when it comes from a time series, not a scalar. */
interface Point {
  value: number | undefined
  series: boolean
}

/**
 * The value at one timestamp where at least one input series has a datapoint, under the CloudWatch
 * User Guide's rules ("Use metric math": arithmetic treats a missing time-series value as 0 and
 * drops a division by zero; comparisons between two series treat the missing one as 0; IF gives 0
 * when the chosen series has no datapoint, and drops the point when the condition is missing or the
 * false branch is missing or omitted). Undefined: no datapoint.
 */
export function evaluate(
  expr: Expr,
  lookup: (id: string) => number | undefined
): number | undefined {
  return point(expr, lookup).value
}

function point(expr: Expr, lookup: (id: string) => number | undefined): Point {
  const ev = (e: Expr): Point => point(e, lookup)
  switch (expr.kind) {
    case 'number':
      return { value: expr.value, series: false }
    case 'ref':
      return { value: lookup(expr.id), series: true }
    case 'unary': {
      const v = ev(expr.arg)
      return { value: v.value === undefined ? undefined : -v.value, series: v.series }
    }
    case 'call':
      return callFunction(expr.name, expr.args, ev)
    case 'binary':
      return binary(expr.op, ev(expr.left), ev(expr.right))
  }
}

const ARITHMETIC = new Set(['+', '-', '*', '/'])

function binary(op: string, l: Point, r: Point): Point {
  const series = l.series || r.series
  let left = l.value
  let right = r.value
  if (ARITHMETIC.has(op) || (l.series && r.series)) {
    // "Missing values in a time series are treated as 0" (arithmetic); comparisons between two
    // series treat the missing one as 0.
    left ??= 0
    right ??= 0
  }
  if (left === undefined || right === undefined) return { value: undefined, series }
  return { value: applyBinary(op, left, right), series }
}

function callFunction(name: string, args: Expr[], ev: (e: Expr) => Point): Point {
  const [a, b, c] = args
  if (name === 'ABS') {
    const v = a === undefined ? { value: undefined, series: true } : ev(a)
    return { value: v.value === undefined ? undefined : Math.abs(v.value), series: v.series }
  }
  if (name === 'FILL') {
    const v = a === undefined ? undefined : ev(a).value
    return { value: v ?? (b === undefined ? undefined : ev(b).value), series: true }
  }
  // IF(condition, trueValue, falseValue)
  const condition = a === undefined ? undefined : ev(a).value
  if (condition === undefined) return { value: undefined, series: true }
  if (condition !== 0) {
    const chosen = b === undefined ? undefined : ev(b).value
    return { value: chosen ?? 0, series: true }
  }
  return { value: c === undefined ? undefined : ev(c).value, series: true }
}

function applyBinary(op: string, l: number, r: number): number | undefined {
  switch (op) {
    case '+':
      return l + r
    case '-':
      return l - r
    case '*':
      return l * r
    case '/':
      return r === 0 ? undefined : l / r
    case '>':
      return l > r ? 1 : 0
    case '<':
      return l < r ? 1 : 0
    case '>=':
      return l >= r ? 1 : 0
    case '<=':
      return l <= r ? 1 : 0
    case '==':
      return l === r ? 1 : 0
    case '!=':
      return l !== r ? 1 : 0
    case '&&':
      return l !== 0 && r !== 0 ? 1 : 0
    default:
      return l !== 0 || r !== 0 ? 1 : 0
  }
}
