import * as assert from 'node:assert/strict';
import { RedrawGate } from '../../src/extension/claims/redrawGate';

describe('RedrawGate (when Claims by Speaker may redraw the whole tree)', () => {
  function gate() {
    let now = 1000;
    const g = new RedrawGate(3000, () => now);
    return { g, advance: (ms: number) => (now += ms) };
  }

  it('holds a redraw while a fetch runs', () => {
    const { g } = gate();
    assert.equal(g.canRedraw, true);
    g.fetchStarted(undefined);
    assert.equal(g.canRedraw, false);
    g.fetchEnded();
    assert.equal(g.canRedraw, true);
  });

  it('holds a redraw after the root is handed over until every expanded row was asked for', () => {
    const { g } = gate();
    g.fetchStarted(undefined);
    g.rootDelivered(['speaker:Ada Brook', 'speaker:Tom Hale']);
    g.fetchEnded();
    // The moment the race lived in: nothing running, the workbench not yet asking.
    assert.equal(g.canRedraw, false);
    assert.deepEqual(g.owedRows, ['speaker:Ada Brook', 'speaker:Tom Hale']);
    g.fetchStarted('speaker:Tom Hale');
    g.fetchEnded();
    assert.equal(g.canRedraw, false);
    g.fetchStarted('speaker:Ada Brook');
    assert.equal(g.canRedraw, false, 'and while the last one runs');
    g.fetchEnded();
    assert.equal(g.canRedraw, true);
  });

  it('stops waiting for a row the user collapsed, and for any row after its patience', () => {
    const { g, advance } = gate();
    g.rootDelivered(['speaker:Ada Brook', 'unattributed']);
    g.collapsed('unattributed');
    assert.deepEqual(g.owedRows, ['speaker:Ada Brook']);
    advance(2999);
    assert.equal(g.canRedraw, false);
    advance(1);
    assert.equal(g.canRedraw, true);
  });

  it('owes nothing once the view is hidden', () => {
    const { g } = gate();
    g.rootDelivered(['speaker:Ada Brook']);
    assert.equal(g.canRedraw, false);
    g.hidden();
    assert.equal(g.canRedraw, true);
  });

  it('owes nothing once a redraw went out, and a new root replaces what the last one owed', () => {
    const { g } = gate();
    g.rootDelivered(['speaker:Ada Brook']);
    g.redrawn();
    assert.equal(g.canRedraw, true);
    g.rootDelivered(['speaker:Ada Brook']);
    g.rootDelivered(['speaker:Tom Hale']);
    assert.deepEqual(g.owedRows, ['speaker:Tom Hale']);
    g.rootDelivered([]);
    assert.equal(g.canRedraw, true, 'a root with every row collapsed owes nothing');
  });
});
