import { Composer, Parser, YAMLParseError, type CST, type Document, type LineCounter } from 'yaml';
import type { Locator, SidecarProblem } from './sourceRange';

/*
 * A sidecar is plain YAML 1.2: mappings, lists, strings, numbers, booleans and null, which is all
 * the writer produces. YAML can say more (tags, anchors and aliases, directives), and all of it
 * is lost when the file is written again: the writer knows nothing of `!custom`, writes an alias
 * out as a copy of its value, drops directives. So a sidecar using any of it is refused, at the
 * line and column of each use, and never rewritten until it is removed.
 */

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  /** The concrete syntax tree, where tags, anchors, aliases and directives are tokens with offsets. */
  readonly tokens: readonly CST.Token[];
}

/** What `parseDocument` does (first document; an error for any further one), keeping the tokens. */
export function parseYaml(text: string, lineCounter: LineCounter): ParsedYaml {
  const tokens: CST.Token[] = [];
  function* keep(source: Generator<CST.Token>): Generator<CST.Token> {
    for (const token of source) {
      tokens.push(token);
      yield token;
    }
  }
  // merge: false: a `<<` key is a key like any other (the schema then refuses it), never a merge.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, merge: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(keep(new Parser(lineCounter.addNewLine).parse(text)), true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      // What parseDocument says: a second document is an error, and is not read.
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return { doc: doc as Document.Parsed, tokens };
}

const WHY = 'a sidecar holds only plain mappings, lists, strings and numbers, and writing the file again would lose it';

/**
 * Every tag (`!foo`, `!!binary`, `!!str`, …), anchor (`&a`), alias (`*a`) and directive other
 * than `%YAML 1.2`, as a problem at its token; then any warning of the YAML parser that is not
 * about one of these (a flow collection indented less than its parent, …).
 */
export function unsupportedYaml(parsed: ParsedYaml, at: Locator): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  const report = (token: CST.SourceToken, message: string): void => {
    problems.push({ ...at.range(token.offset, token.offset + token.source.length), message });
  };
  // Iterative: a deeply nested flow collection must not overflow the stack.
  const stack: unknown[] = [...parsed.tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...(item as unknown[]));
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const token = item as Partial<CST.SourceToken>;
    if (typeof token.source === 'string' && typeof token.offset === 'number') {
      const t = token as CST.SourceToken;
      switch (t.type as string) {
        case 'tag':
          report(t, `YAML tag ${t.source} is not allowed: ${WHY}; remove the tag (quote the value if it must stay a string)`);
          break;
        case 'anchor':
          report(t, `YAML anchor ${t.source} is not allowed: ${WHY} (an aliased value is written out in full); remove the anchor`);
          break;
        case 'alias':
          report(t, `YAML alias ${t.source} is not allowed: ${WHY} (it would become a copy); write the value out in full`);
          break;
        case 'directive':
          if (!/^%YAML[ \t]+1\.2[ \t]*$/.test(t.source.replace(/[ \t]+#.*$/, ''))) {
            report(t, `YAML directive ${JSON.stringify(t.source)} is not allowed: sidecars are plain YAML 1.2 and writing the file again would drop it; remove the line`);
          }
          break;
      }
    }
    for (const value of Object.values(item)) if (value !== null && typeof value === 'object') stack.push(value);
  }
  const lines = new Set(problems.map((p) => p.line));
  for (const w of parsed.doc.warnings) {
    const range = at.range(w.pos[0], w.pos[1]);
    if (!lines.has(range.line)) problems.push({ ...range, message: `YAML: ${w.message}` });
  }
  return problems;
}
