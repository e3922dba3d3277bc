import { describe, it, expect } from '@jest/globals'
import {
  BREAK,
  code,
  codeBlock,
  details,
  escapeHtml,
  escapeMarkdown,
  link,
  raw,
  table,
  truncate
} from '../../src/report/markdown.js'
import { cellsOf, liveLinkTargets } from './helpers.js'

describe('escapeMarkdown', () => {
  it('turns HTML into text', () => {
    const out = escapeMarkdown('<script>alert(1)</script>')
    expect(out).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).not.toMatch(/<script/i)
  })

  it('stops links and images from forming', () => {
    const out = escapeMarkdown('[x](http://evil.example) ![](http://evil.example/i.png)')
    expect(out).toBe(
      `\\[x\\](http:${BREAK}//evil.example) \\!\\[\\](http:${BREAK}//evil.example/i.png)`
    )
    expect(liveLinkTargets(out)).toEqual([])
    expect(out).not.toContain('http://')
  })

  it('stops bare autolinks: scheme, www. and mailto', () => {
    const out = escapeMarkdown('see https://evil.example, www.evil.example or mailto:x@y.z')
    expect(out).not.toContain('https://')
    expect(out).not.toMatch(/www\./i)
    expect(out).not.toContain('mailto:x')
  })

  it('escapes table pipes so a cell cannot be broken', () => {
    expect(escapeMarkdown('| broken |')).toBe('\\| broken \\|')
  })

  it('breaks mentions, issue references and emoji shortcodes', () => {
    const out = escapeMarkdown('ping @org/team about #123 :tada:')
    expect(out).toBe(`ping @${BREAK}org/team about \\#${BREAK}123 :${BREAK}tada:`)
    expect(out).not.toContain('@org')
    expect(out).not.toContain('#123')
  })

  it('keeps a plain colon and a lone hash readable', () => {
    expect(escapeMarkdown('Threshold Crossed: 1 datapoint # note')).toBe(
      'Threshold Crossed: 1 datapoint \\# note'
    )
  })

  it('neutralises HTML comments and backticks', () => {
    expect(escapeMarkdown('a <!-- hidden --> b')).toBe('a &lt;\\!-- hidden --&gt; b')
    expect(escapeMarkdown('run `rm -rf /`')).toBe('run \\`rm -rf /\\`')
  })

  it('escapes emphasis, strike-through, math and backslashes', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ $d$ \\e')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\$d\\$ \\\\e'
    )
  })

  it('collapses newlines and control characters to one space', () => {
    expect(escapeMarkdown('line one\r\n\n  line two\ttab\u2028end')).toBe(
      'line one line two tab end'
    )
  })

  it('escapes block markers at the start of the text', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('1. item')).toBe('1\\. item')
    expect(escapeMarkdown('> quote')).toBe('&gt; quote')
    expect(escapeMarkdown('# heading')).toBe('\\# heading')
  })

  it('truncates very long text with an ellipsis', () => {
    const out = escapeMarkdown('a'.repeat(2000))
    expect(out).toHaveLength(500)
    expect(out.endsWith('…')).toBe(true)
    expect(escapeMarkdown('abcdef', { maxLength: 4 })).toBe('abc…')
  })
})

describe('truncate', () => {
  it('never splits a surrogate pair', () => {
    const out = truncate('🚀🚀🚀🚀', 3)
    expect(Array.from(out)).toEqual(['🚀', '🚀', '…'])
  })

  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short')
  })
})

describe('code', () => {
  it('wraps plain text in single backticks', () => {
    expect(code('lab-endpoint').markdown).toBe('`lab-endpoint`')
  })

  it('uses a fence longer than any backtick run and pads edge backticks', () => {
    expect(code('a ` b').markdown).toBe('``a ` b``')
    expect(code('``x').markdown).toBe('``` ``x ```')
  })

  it('keeps code on one line', () => {
    expect(code('a\nb').markdown).toBe('`a b`')
  })

  it('renders nothing for empty text', () => {
    expect(code('').markdown).toBe('')
  })
})

describe('codeBlock', () => {
  it('fences content that itself contains a fence', () => {
    const block = codeBlock('x\n```\n</details>', 'json')
    expect(block.startsWith('````json\n')).toBe(true)
    expect(block.endsWith('\n````')).toBe(true)
  })
})

describe('link', () => {
  it('escapes the label and keeps an https target', () => {
    expect(link('a_b', 'https://x.example/a b').markdown).toBe('[a\\_b](https://x.example/a%20b)')
  })

  it('drops targets that are not http(s)', () => {
    expect(link('click', 'javascript:alert(1)').markdown).toBe('click')
    expect(link('none', undefined).markdown).toBe('none')
  })

  it('encodes parentheses so the target cannot end early', () => {
    expect(link('x', 'https://x.example/(a)').markdown).toBe('[x](https://x.example/%28a%29)')
  })
})

describe('table', () => {
  it('builds a GFM table with escaped text cells', () => {
    const out = table(['Name', 'Note'], [['a|b', '<i>x</i>\nnext']])
    expect(out.split('\n')).toEqual([
      '| Name | Note |',
      '|---|---|',
      '| a\\|b | &lt;i&gt;x&lt;/i&gt; next |'
    ])
  })

  it('pads short rows and cuts long ones to the header width', () => {
    const lines = table(['A', 'B'], [['1'], ['1', '2', '3']]).split('\n')
    expect(lines[2]).toBe('| 1 |   |')
    expect(lines[3]).toBe('| 1 | 2 |')
  })

  it('escapes a bare pipe inside trusted Markdown such as a code span', () => {
    const line = table(['A', 'B'], [[code('x | y'), raw('**ok**')]]).split('\n')[2] ?? ''
    expect(line).toBe('| `x \\| y` | **ok** |')
    expect(cellsOf(line)).toHaveLength(2)
  })
})

describe('details and escapeHtml', () => {
  it('escapes the summary as HTML and leaves blank lines around the body', () => {
    const out = details('Log <b> @team', '- item')
    expect(out).toBe(
      `<details><summary>Log &#60;b&#62; @${BREAK}team</summary>\n\n- item\n\n</details>`
    )
  })

  it('escapes quotes and ampersands', () => {
    expect(escapeHtml(`"a" & 'b'`)).toBe('&#34;a&#34; &#38; &#39;b&#39;')
  })
})
