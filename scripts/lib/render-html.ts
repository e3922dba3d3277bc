// A job summary (or PR comment, or plan) as GitHub shows it: GitHub-flavoured Markdown with
// tables and Mermaid charts, in a page styled after github.com. Pure: Markdown in, HTML out.
import { Marked } from 'marked'

const marked = new Marked({ gfm: true, breaks: false })

/** Where GitHub draws a Mermaid chart, the page leaves a `<pre class="mermaid">` for mermaid.js. */
const MERMAID_BLOCK = /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g

export function markdownToHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false })
  return html.replace(MERMAID_BLOCK, (_, body: string) => `<pre class="mermaid">${body}</pre>`)
}

const STYLE = `
  body { margin: 0; background: #ffffff; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  .frame { margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
  .frame > .title { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0;
    font-weight: 600; font-size: 13px; color: #59636e; }
  .markdown-body { padding: 16px 24px; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; margin: 8px 0 16px; }
  h3 { font-size: 1.25em; margin: 24px 0 16px; }
  h4 { font-size: 1em; margin: 24px 0 12px; }
  p, ul, table, pre, details { margin: 0 0 16px; }
  a { color: #0969da; text-decoration: none; }
  code { font: 85% ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace;
    background: #818b981f; border-radius: 6px; padding: .2em .4em; }
  pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
  pre code { background: none; padding: 0; }
  pre.mermaid { background: none; padding: 0; text-align: center; }
  table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  th { font-weight: 600; background: #f6f8fa; }
  tr:nth-child(2n) td { background: #f6f8fa; }
  summary { cursor: pointer; }
`

/**
 * The page: `title` says where the Markdown is shown (job summary, PR comment). mermaid.js is
 * loaded from `mermaidSrc` (a file next to the page: no network). When the charts are drawn the
 * page marks `<body data-rendered>` with its height, for the screenshot.
 */
export function summaryPage(title: string, markdown: string, mermaidSrc: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><div class="frame"><div class="title">${escapeHtml(title)}</div>
<article class="markdown-body">
${markdownToHtml(markdown)}
</article></div>
<script src="${escapeHtml(mermaidSrc)}"></script>
<script>
  (async () => {
    let error = ''
    try {
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
      await mermaid.run({ querySelector: 'pre.mermaid' })
    } catch (e) {
      error = String(e && e.message || e)
    }
    // The frame's bottom, not the window's: a short page gets a short picture.
    const frame = document.querySelector('.frame').getBoundingClientRect()
    document.body.dataset.rendered = String(Math.ceil(frame.bottom + 16))
    if (error) document.body.dataset.mermaidError = error
  })()
</script>
</body></html>
`
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!
  )
}
