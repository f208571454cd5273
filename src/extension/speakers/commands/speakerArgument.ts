/**
 * The speaker a Rename/Merge command acts on: a row of the claims panel (`{ speaker }`) or a
 * name passed by a test or another command.
 */
export function speakerArgument(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'speaker' in value && typeof value.speaker === 'string') return value.speaker;
  return undefined;
}
