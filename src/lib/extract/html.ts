// Disclosures saved as web pages: the text a browser would show, with table cells kept
// apart by tabs and rows and paragraphs by line breaks, so the same stages can read it.

const BLOCK_TAGS = /<(?:p|div|br|span|table|tr|td|html|body|h[1-6]|li)\b/gi;

/** A page of markup rather than text with a few inline tags. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 200000);
  const tags = head.match(BLOCK_TAGS)?.length ?? 0;
  // A text with a few HTML rows among its lines is read line by line (rows.ts reads <td>);
  // only a page of markup, or markup without line breaks, is rendered first.
  if (/^\s*</.test(head)) return tags >= 3;
  if (tags < 10) return false;
  // Fewer than 10 lines, counted without splitting the text into them.
  let breaks = 0;
  for (let at = head.indexOf('\n'); at >= 0 && breaks < 9; at = head.indexOf('\n', at + 1)) breaks++;
  return breaks < 9;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', middot: '·', ldquo: '“', rdquo: '”', mdash: '—', hellip: '…' };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|tr|h[1-6]|li|table)>/gi, '\n')
    .replace(/<\/t[dh]>\s*/gi, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \u00a0]*\t[ \u00a0]*/g, '\t')
    .replace(/\t+\n/g, '\n')
    .replace(/[ \u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[\u200b-\u200f\u2028\u2029]/g, '')
    .trim();
}
