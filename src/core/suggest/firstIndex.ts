/**
 * The first index in `[0, length)` for which `reached(i)` holds, or `length`: a binary search over
 * items in text order, where `reached` is false up to some index and true from there on.
 */
export function firstIndex(length: number, reached: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
