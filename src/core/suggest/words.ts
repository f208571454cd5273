const WORD = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu;

/** The words of `text`; "Russia’s" and "well-known" are one word each. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** How many words `text` has; "Russia’s" and "well-known" are one word each. */
export function wordCount(text: string): number {
  return words(text).length;
}
