// Ownership of long-lived objects, the way VS Code's own code does it (src/vs/base/common/
// lifecycle.ts): one base class whose `_register` records what an object owns, and a `dispose()`
// that releases all of it. No `vscode` import, so it is unit-tested in plain Node.

/** Anything that can be released: a `vscode.Disposable`, an event subscription, this class. */
export interface IDisposable {
  dispose(): unknown;
}

/**
 * Disposes each of `disposables` in the order given; one that throws does not stop the others.
 * Afterwards throws the error if exactly one threw, an `AggregateError` of all of them if several did.
 */
export function disposeAll(disposables: Iterable<IDisposable>): void {
  const errors: unknown[] = [];
  for (const d of disposables) {
    try {
      d.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} errors while disposing`);
}

/**
 * The base of every object that owns disposables. Whatever is passed to `_register` is disposed
 * with the object, last registered first (like a stack: listeners go before the emitters and views
 * they listen to). `dispose()` may be called any number of times; only the first does anything.
 * Something registered after that is disposed at once, so it cannot outlive its owner; something
 * registered twice is still disposed once.
 */
export abstract class Disposable implements IDisposable {
  readonly #registered = new Set<IDisposable>();
  #disposed = false;

  /** Takes ownership of `disposable` and returns it, so a field can be declared in one line. */
  protected _register<T extends IDisposable>(disposable: T): T {
    if ((disposable as unknown) === this) throw new Error('Cannot register a disposable on itself');
    if (this.#disposed) {
      disposable.dispose();
    } else {
      this.#registered.add(disposable);
    }
    return disposable;
  }

  /** Whether `dispose()` was called: work that finishes later (an analysis, a read) has no one left to give its result to. */
  protected get isDisposed(): boolean {
    return this.#disposed;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const owned = [...this.#registered].reverse();
    this.#registered.clear();
    disposeAll(owned);
  }
}
