/**
 * How many files the command line reads at once: enough to keep the disk and the thread pool busy
 * (libuv has 4 threads by default), few enough never to run out of file descriptors.
 */
export const READ_CONCURRENCY = 16;

/**
 * `fn` applied to each item, at most `limit` at a time, the results yielded in the items' order as
 * soon as each and all before it are done: output can be written while later items are still
 * being read, and it is the same, in the same order, as one at a time. An error of `fn` is thrown
 * when its result's turn comes.
 */
export async function* orderedMap<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const start = (): void => {
    if (next >= items.length) return;
    const promise = fn(items[next++]);
    // Handled when its turn comes; until then a rejection must not be reported as unhandled.
    promise.catch(() => undefined);
    pending.push(promise);
  };
  for (let i = 0; i < limit; i++) start();
  for (let i = 0; i < items.length; i++) {
    const result = await pending[i];
    delete pending[i];
    start();
    yield result;
  }
}
