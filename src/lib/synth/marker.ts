// The line every synthetic document opens with; the ingest marks such documents synthetic.
export const MARKER = '【合成测试数据 | SYNTHETIC TEST DATA | 非真实单位，数据由程序生成】';

/** True when the text (or its first bytes) opens with the marker, blank lines and a BOM aside. */
export function isSynthetic(head: string): boolean {
  return head.replace(/^[\uFEFF\s]+/, '').startsWith(MARKER);
}
