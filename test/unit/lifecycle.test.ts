// The disposal base of the extension's long-lived objects: what it disposes, in which order, how
// often, and what happens when a disposable throws or arrives late.
import * as assert from 'node:assert/strict';
import { Disposable, disposeAll, type IDisposable } from '../../src/extension/lifecycle';

/** A disposable that records each dispose call in a shared log. */
function recorder(log: string[], name: string): IDisposable & { count: number } {
  const d = {
    count: 0,
    dispose() {
      d.count++;
      log.push(name);
    },
  };
  return d;
}

function thrower(log: string[], name: string, error: Error): IDisposable {
  return {
    dispose() {
      log.push(name);
      throw error;
    },
  };
}

/** Exposes `_register` to the tests, as a subclass would use it. */
class Owner extends Disposable {
  register<T extends IDisposable>(d: T): T {
    return this._register(d);
  }
}

describe('Disposable', () => {
  it('disposes what it registered in reverse order of registration', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register(recorder(log, 'a'));
    owner.register(recorder(log, 'b'));
    owner.register(recorder(log, 'c'));
    owner.dispose();
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('returns what it is given from _register', () => {
    const owner = new Owner();
    const d = recorder([], 'a');
    assert.equal(owner.register(d), d);
  });

  it('disposes each registered thing once when disposed twice', () => {
    const log: string[] = [];
    const owner = new Owner();
    const a = owner.register(recorder(log, 'a'));
    const b = owner.register(recorder(log, 'b'));
    owner.dispose();
    owner.dispose();
    assert.equal(a.count, 1);
    assert.equal(b.count, 1);
    assert.deepEqual(log, ['b', 'a']);
  });

  it('disposes once what was registered twice', () => {
    const log: string[] = [];
    const owner = new Owner();
    const a = owner.register(recorder(log, 'a'));
    owner.register(recorder(log, 'b'));
    owner.register(a);
    owner.dispose();
    assert.equal(a.count, 1);
    assert.deepEqual(log, ['b', 'a']);
  });

  it('disposes all the others when one throws, then rethrows that error', () => {
    const log: string[] = [];
    const owner = new Owner();
    const boom = new Error('boom');
    owner.register(recorder(log, 'a'));
    owner.register(thrower(log, 'b', boom));
    owner.register(recorder(log, 'c'));
    assert.throws(
      () => owner.dispose(),
      (error) => error === boom,
    );
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('collects the errors of several throwing disposables into one AggregateError', () => {
    const log: string[] = [];
    const owner = new Owner();
    const first = new Error('first');
    const second = new Error('second');
    owner.register(thrower(log, 'a', first));
    owner.register(recorder(log, 'b'));
    owner.register(thrower(log, 'c', second));
    assert.throws(
      () => owner.dispose(),
      (error) => error instanceof AggregateError && error.errors.length === 2 && error.errors[0] === second && error.errors[1] === first,
    );
    assert.deepEqual(log, ['c', 'b', 'a']);
    // Disposed anyway: a second call does nothing and throws nothing.
    owner.dispose();
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('disposes at once what is registered after it was disposed, and still returns it', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    const late = recorder(log, 'late');
    assert.equal(owner.register(late), late);
    assert.equal(late.count, 1);
    // Not kept either: disposing the owner again does not dispose it a second time.
    owner.dispose();
    assert.equal(late.count, 1);
  });

  it('disposes nothing before it is disposed itself', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register(recorder(log, 'a'));
    assert.deepEqual(log, []);
  });

  it('refuses to register itself', () => {
    const owner = new Owner();
    assert.throws(() => owner.register(owner), /itself/);
  });

  it('disposes nested owners with their parent', () => {
    const log: string[] = [];
    const parent = new Owner();
    const child = parent.register(new Owner());
    child.register(recorder(log, 'child item'));
    parent.register(recorder(log, 'parent item'));
    parent.dispose();
    assert.deepEqual(log, ['parent item', 'child item']);
  });
});

describe('disposeAll', () => {
  it('disposes in the order given, all of them even when some throw', () => {
    const log: string[] = [];
    const boom = new Error('boom');
    assert.throws(
      () => disposeAll([recorder(log, 'a'), thrower(log, 'b', boom), recorder(log, 'c')]),
      (error) => error === boom,
    );
    assert.deepEqual(log, ['a', 'b', 'c']);
  });

  it('throws nothing when nothing throws', () => {
    const log: string[] = [];
    disposeAll([recorder(log, 'a'), recorder(log, 'b')]);
    assert.deepEqual(log, ['a', 'b']);
  });
});
