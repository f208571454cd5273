import assert from 'node:assert/strict';
import fc from 'fast-check';
import { orderedMap } from '../../src/cli/orderedMap';

describe('orderedMap (the command line reads files a few at a time, output in order)', () => {
  it('yields every result in the items order, never more than `limit` running (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 5 }), { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), async (delays, limit) => {
        let running = 0;
        let most = 0;
        const results: number[] = [];
        const work = async (i: number): Promise<number> => {
          running++;
          most = Math.max(most, running);
          // Finishing out of order: later items may take fewer turns than earlier ones.
          for (let k = 0; k <= delays[i]; k++) await Promise.resolve();
          running--;
          return i * 10;
        };
        for await (const r of orderedMap(delays.map((_, i) => i), limit, work)) results.push(r);
        assert.deepEqual(results, delays.map((_, i) => i * 10));
        assert.ok(most <= limit, `${most} running at once, limit ${limit}`);
        if (delays.length >= limit) assert.equal(most, limit);
      }),
    );
  });

  it('throws an error of the work when its turn comes, after the results before it', async () => {
    const seen: number[] = [];
    const work = async (i: number): Promise<number> => {
      if (i === 2) throw new Error('item 2');
      return i;
    };
    await assert.rejects(async () => {
      for await (const r of orderedMap([0, 1, 2, 3], 4, work)) seen.push(r);
    }, /item 2/);
    assert.deepEqual(seen, [0, 1]);
  });
});
