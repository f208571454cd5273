import assert from 'node:assert/strict';
import { firstNameGender, honorificGender, nounGender, pronounGender } from '../../src/core/suggest/personGender';

describe('personGender', () => {
  it('knows common first names of news (a weak prior), in any case, and not names used for both', () => {
    assert.equal(firstNameGender('Glenn'), 'male');
    assert.equal(firstNameGender('TODD'), 'male');
    assert.equal(firstNameGender('Phyllis'), 'female');
    assert.equal(firstNameGender('maureen'), 'female');
    // Given to men and women alike ("Lindsey Graham", "Kelly Ayotte"): no prior.
    for (const both of ['Lindsey', 'Kelly', 'Alex', 'Sam', 'Pat', 'Jan', 'Lee']) assert.equal(firstNameGender(both), undefined, both);
  });

  it('reads pronouns, honorifics and gendered nouns', () => {
    assert.equal(pronounGender('Her'), 'female');
    assert.equal(pronounGender('they'), undefined);
    assert.equal(honorificGender('Mrs.'), 'female');
    assert.equal(nounGender('spokesman'), 'male');
  });
});
