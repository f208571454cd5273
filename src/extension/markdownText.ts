/**
 * Text for a place inside Markdown that is built as a string (a table cell, say), where
 * `MarkdownString.appendText` cannot be used: every ASCII punctuation character a Markdown,
 * table, theme-icon or HTML reading could act on is backslash-escaped (CommonMark allows that for
 * all of them), and line breaks become spaces, so a label from a scheme file stays text.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
