// looksLikeHtml: which documents are rendered as a web page before they are read.
import { describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../src/lib/extract/html.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => `<tr><td>项目${i}</td><td>${i}.00</td></tr>`).join('');

describe('looksLikeHtml', () => {
  it('takes a page that opens with markup for a web page once it has three block tags', () => {
    expect(looksLikeHtml('<html><body><p>部门决算</p></body></html>')).toBe(true);
    expect(looksLikeHtml('<p>部门决算</p>')).toBe(false);
  });

  it('takes text with many tags for a web page only when it has fewer than ten lines', () => {
    const nine = `2019年部门决算\n${rows(5)}\n`.repeat(3).trimEnd() + '\n'.repeat(3);
    expect(nine.split('\n')).toHaveLength(9);
    expect(looksLikeHtml(nine)).toBe(true);
    expect(looksLikeHtml(nine + '\n')).toBe(false);
  });

  it('reads text with a few table rows among its lines as text', () => {
    expect(looksLikeHtml(`2019年部门决算\n${rows(2)}`)).toBe(false);
  });
});
