import { checkSidecarAgainstDocument, parseSidecar } from './parseSidecar';
import { compareStoredAnnotations, normalizeStoredAnnotation, type SidecarFile } from './sidecarFormat';

/**
 * Why `text`, about to be written as a sidecar, must not be: it does not parse, its offsets fall
 * outside `documentText`, or it does not read back as exactly the annotations of `expected`.
 * Undefined when it is safe to write. Every writer of the command line calls this last, so a bug
 * anywhere before can never leave a sidecar its own parser rejects.
 */
export function unsafeSidecarText(text: string, expected: SidecarFile, documentText?: string): string | undefined {
  // Whether it reads back, whatever the scheme: what is written came from a sidecar that was checked.
  const parsed = parseSidecar(text, 'any');
  if (!parsed.ok) {
    const first = parsed.problems[0];
    return `it would not read back (line ${first?.line}: ${first?.message})`;
  }
  if (documentText !== undefined) {
    const outside = checkSidecarAgainstDocument(parsed, documentText)[0];
    if (outside) return `it would not read back (line ${outside.line}: ${outside.message})`;
  }
  if (JSON.stringify(canonical(parsed.sidecar)) !== JSON.stringify(canonical(expected))) return 'it would not read back as the same annotations';
  return undefined;
}

function canonical(file: SidecarFile): SidecarFile {
  return { version: file.version, documentHash: file.documentHash, annotations: file.annotations.map(normalizeStoredAnnotation).sort(compareStoredAnnotations) };
}
