// The source is one pipeline: imports point down it, never back up. A module that imports one
// that (through others) imports it back is a circle; there are none, type-only imports included.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { ROOT } from '../../scripts/lib/action-runner.js'

const SRC = join(ROOT, 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Each module's relative imports (static, dynamic and type-only), as files under src/. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)]
      .map(m => normalize(join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))))
      .filter(target => known.has(target))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** Every circle, each as the files on it (Tarjan's strongly connected components). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    order.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!))
    }
    if (low.get(v) !== order.get(v)) return
    const component: string[] = []
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w)
      component.push(w)
      if (w === v) break
    }
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort())
  }
  for (const v of graph.keys()) if (!order.has(v)) visit(v)
  return found
}

describe('imports point down the pipeline', () => {
  it('finds a circle when there is one, and none in a chain', () => {
    const chain = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', []]
    ])
    expect(circles(chain)).toEqual([])
    expect(circles(new Map([...chain, ['c', ['a']]]))).toEqual([['a', 'b', 'c']])
    expect(circles(new Map([['a', ['a']]]))).toEqual([['a']])
  })

  it('src/ has no import circle', () => {
    const graph = importGraph(sources(SRC))
    expect(graph.size).toBeGreaterThan(50)
    expect(circles(graph).map(c => c.map(f => relative(ROOT, f)))).toEqual([])
  })
})
