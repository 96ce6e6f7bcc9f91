// Text decoding that never garbles: valid UTF-8 (with or without BOM) is UTF-8; otherwise text that
// decodes as GB18030 without replacement characters or control bytes is GB18030; anything else is refused.

export type TextEncodingName = 'utf-8' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; code: 'E_IMPORT_ENCODING' | 'E_IMPORT_NOT_TEXT' };

// C0 controls other than tab, LF, CR; DEL. Their presence means binary, not a spreadsheet export.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function decodeText(buf: Uint8Array): Decoded {
  const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasBom ? buf.subarray(3) : buf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return CONTROL.test(text)
      ? { ok: false, code: 'E_IMPORT_NOT_TEXT' }
      : { ok: true, text, encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030 (a superset of GBK), as Excel on Chinese Windows writes CSV
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    if (text.includes('\uFFFD') || CONTROL.test(text)) return { ok: false, code: 'E_IMPORT_ENCODING' };
    return { ok: true, text, encoding: 'gb18030' };
  } catch {
    return { ok: false, code: 'E_IMPORT_ENCODING' };
  }
}
