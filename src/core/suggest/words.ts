/** How many words `text` has; "Russia’s" and "well-known" are one word each. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
