import { nodeCrypto } from '../lazyLibraries';

/** U+FEFF: some editors (and Windows tools) put it at the start of UTF-8 files. */
export const BOM = '\uFEFF';

/**
 * The document text that offsets refer to: the file's text without a leading BOM, line endings
 * untouched (CRLF counts as two units). This is exactly what VS Code's TextDocument.getText()
 * returns, so the extension and the CLI agree on every offset.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Fingerprint of the annotated text: `sha256:` + hex of the UTF-8 bytes of the BOM-less text.
 * Adding or removing a BOM therefore does not count as a change of the document.
 */
export function hashDocumentText(text: string): string {
  return 'sha256:' + nodeCrypto().createHash('sha256').update(stripBom(text), 'utf8').digest('hex');
}
