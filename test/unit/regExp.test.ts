import assert from 'node:assert/strict';
import fc from 'fast-check';
import { containsWord, escapeRegExp } from '../../src/core/text/regExp';

describe('regExp', () => {
  it('an escaped string matches itself and only itself, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const pattern = new RegExp(`^${escapeRegExp(text)}$`, 'u');
        assert.ok(pattern.test(text));
        assert.equal(pattern.test(`${text}x`), false);
      }),
    );
  });

  it('containsWord needs the word whole, not inside another word', () => {
    assert.equal(containsWord('the c.e.o. said', 'c.e.o.'), true);
    assert.equal(containsWord('a (sic) note', '(sic)'), true);
    assert.equal(containsWord('lacombe-nwosu said', 'lacombe-nwosu'), true);
    assert.equal(containsWord('lacombe-nwosus said', 'lacombe-nwosu'), false);
    assert.equal(containsWord('cranes', 'crane'), false);
    assert.equal(containsWord('éclair', 'clair'), false);
  });
});
