import * as assert from 'node:assert/strict';
import { ListedWindows } from '../../src/extension/listedWindows';

describe('ListedWindows (when the Outline of a document listed in part must ask again)', () => {
  const doc = {};
  const other = {};

  it('judges a cursor move against the window the last answer listed', () => {
    const w = new ListedWindows<object>();
    assert.equal(w.outside(doc, 500), false, 'nothing listed yet: nothing to leave');
    assert.equal(w.listed(doc, '0+2', { start: 0, end: 120 }), false);
    assert.equal(w.outside(doc, 60), false);
    assert.equal(w.outside(doc, 120), false, 'the end of the last span is still inside');
    assert.equal(w.outside(doc, 121), true);
    assert.equal(w.outside(other, 121), false, 'per document');
  });

  it('never sends the cursor out of a document listed in full', () => {
    const w = new ListedWindows<object>();
    w.listed(doc, '0+2', { start: 0, end: 120 });
    w.listed(doc, '0+5', undefined);
    assert.equal(w.outside(doc, 10_000), false);
  });

  it('reports two readers of one registration given different windows, as when sticky scroll asks after the cursor moved', () => {
    const w = new ListedWindows<object>();
    // The Outline's request (its answer cached by the workbench) with the cursor at the start.
    assert.equal(w.listed(doc, '0+2', { start: 0, end: 120 }), false);
    // Sticky scroll asks for the same registration after the cursor moved to the end: its answer
    // is its own, the Outline keeps the first. Then the cursor's move event arrives and is inside
    // the new window, so only this report has the readers ask again.
    assert.equal(w.listed(doc, '3+2', { start: 130, end: 170 }), true);
    assert.equal(w.outside(doc, 140), false);
  });

  it('does not report a reader of a new registration, nor two readers given the same window', () => {
    const w = new ListedWindows<object>();
    w.listed(doc, '0+2', { start: 0, end: 120 });
    assert.equal(w.listed(doc, '0+2', { start: 0, end: 120 }), false, 'same window');
    assert.equal(w.listed(other, '3+2', { start: 130, end: 170 }), false, 'another document');
    w.renewed();
    assert.equal(w.listed(doc, '3+2', { start: 130, end: 170 }), false, 'every reader asks again after a new registration');
    assert.equal(w.listed(doc, '3+2', { start: 130, end: 170 }), false);
    assert.equal(w.listed(doc, '0+2', { start: 0, end: 120 }), true);
  });
});
