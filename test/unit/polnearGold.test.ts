import assert from 'node:assert/strict';
import { parseBratStandoff } from '../../src/core/suggest/eval/bratStandoff';
import { polnearGold } from '../../src/core/suggest/eval/polnearGold';
import { quotedRegions } from '../../src/core/suggest/eval/quotedRegions';
import { isPersonShaped, nameGender } from '../../src/core/suggest/eval/sourceAgreement';
import { goldSpeakerName, isUnlinkedDescription, sameSpeaker } from '../../src/core/suggest/eval/sourceNames';

// Texts written for these tests; brat offsets are found from the text, not typed.
// `within`: the spans are looked for from the first place this is written (for words written earlier too).
function ann(text: string, events: { source?: string; cue: string; content: string | string[]; within?: string }[]): string {
  const lines: string[] = [];
  let t = 0;
  let from = 0;
  const span = (type: string, words: string | string[]) => {
    const parts = (Array.isArray(words) ? words : [words]).map((w) => {
      const start = text.indexOf(w, type === 'Content' ? 0 : from);
      if (start < 0) throw new Error(`not in text: ${w}`);
      return `${start} ${start + w.length}`;
    });
    lines.push(`T${++t}\t${type} ${parts.join(';')}\t${Array.isArray(words) ? words.join(' ') : words}`);
    return `T${t}`;
  };
  events.forEach((e, i) => {
    from = e.within ? text.indexOf(e.within) : 0;
    const source = e.source ? span('Source', e.source) : undefined;
    const cue = span('Cue', e.cue);
    const content = span('Content', e.content);
    const trigger = span(source ? 'Attribution' : 'Attribution-no-source', e.cue);
    lines.push(`E${i + 1}\t${source ? 'Attribution' : 'Attribution-no-source'}:${trigger} Content:${content} Cue:${cue}${source ? ` Source:${source}` : ''}`);
  });
  return lines.join('\n') + '\n';
}

describe('PolNeAR gold mapping', () => {
  it('reads brat spans in code points, discontinuous fragments included, and refuses a malformed line with its line', () => {
    const text = '😀 ab cd ef';
    const doc = parseBratStandoff('T1\tSource 2 4;8 10\tab ef\n', text);
    assert.deepEqual(doc.spans.get('T1')!.fragments, [{ start: 3, end: 5 }, { start: 9, end: 11 }]);
    assert.throws(() => parseBratStandoff('x\nT1\tSource two\tab\n', text, 'a.ann'), /a\.ann:2:1/);
  });

  it('finds quoted stretches per line, marks excluded, an unclosed one to the end of its line', () => {
    const text = 'Lena Holm said: "We are ready." Then\n“First part\n“second part.”';
    const regions = quotedRegions(text).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(regions, ['We are ready.', 'First part', 'second part.']);
  });

  it("reads two apostrophes as one double mark, and an apostrophe of a word as none", () => {
    const text = "''We are ready,'' Ms. Holm said. ''It's the mayor's call.''\nThe ''bridge'' is 'old'.\n''Unclosed to the end";
    const regions = quotedRegions(text).map((r) => text.slice(r.start, r.end));
    assert.deepEqual(regions, ['We are ready,', "It's the mayor's call.", 'bridge', 'Unclosed to the end']);
  });

  it('maps quoted contents to quotes, reported contents to claims, and resolves pronoun and surname sources', () => {
    const text = 'Mayor Lena Holm spoke on Monday.\nHolm said the bridge will reopen in the spring next year.\n"We are ready," she said.\nThe council said "the budget is tight."';
    const gold = polnearGold(
      text,
      ann(text, [
        { source: 'Holm', cue: 'said the', content: 'the bridge will reopen in the spring next year' },
        { source: 'she', cue: 'she said', content: '"We are ready,"' },
        { source: 'The council', cue: 'said "the', content: '"the budget is tight."' },
      ]),
    );
    assert.deepEqual(
      gold.quotes.map((q) => [text.slice(q.start, q.end), q.speaker, q.pronounSource]),
      [
        ['We are ready,', 'Lena Holm', true],
        ['the budget is tight.', 'the council', undefined],
      ],
    );
    assert.deepEqual(
      gold.claims.map((c) => [text.slice(c.start, c.end), c.speaker]),
      [['the bridge will reopen in the spring next year', 'Lena Holm']],
    );
  });

  it('gives a quote under nested attributions the speaker of the innermost one', () => {
    const text = 'The agency reported that Omar Ruiz said "no deal yet" on Friday.';
    const gold = polnearGold(
      text,
      ann(text, [
        { source: 'The agency', cue: 'reported', content: 'that Omar Ruiz said "no deal yet" on Friday' },
        { source: 'Omar Ruiz', cue: 'said "', content: '"no deal yet"' },
      ]),
    );
    assert.deepEqual(gold.quotes.map((q) => q.speaker), ['Omar Ruiz']);
  });

  it('compares speakers by name, not by title or determiner, and leaves unlinked descriptions out', () => {
    assert.equal(goldSpeakerName('Senator Ada Brook met them. Later Brook spoke.', 'Sen. Brook', 30), 'Ada Brook');
    assert.ok(sameSpeaker('Ada Brook', 'Brook'));
    assert.ok(sameSpeaker('Democrat Ada Brook', 'Ada Brook'));
    assert.ok(!sameSpeaker('Ada Brook', 'Tom Brook'));
    assert.ok(sameSpeaker('a campaign aide', 'unnamed source'));
    assert.ok(sameSpeaker('Someone in the crowd', 'unnamed source'), 'someone, also opening its sentence');
    assert.ok(sameSpeaker('Someone', 'unnamed source'), 'a one-word source opening its sentence');
    assert.ok(sameSpeaker('the crowd', 'unnamed source'), 'a crowd names no one');
    assert.ok(sameSpeaker('Aides', 'unnamed source'), 'a bare plural opening its sentence ("Aides said …")');
    assert.ok(sameSpeaker('Critics', 'unnamed source'));
    assert.ok(!sameSpeaker('Both', 'unnamed source'), '"Both said" means two people the text names');
    assert.ok(!sameSpeaker('Rowers', 'unnamed source'), 'only the heads that name no one');
    assert.ok(!isUnlinkedDescription('the audience'));
    assert.ok(!sameSpeaker('Ada Brook', 'unnamed source'));
    assert.ok(isUnlinkedDescription('the Republican nominee'));
    assert.ok(!isUnlinkedDescription('the sources'));
    assert.ok(!isUnlinkedDescription('Ada Brook'));
    assert.ok(isUnlinkedDescription('the senator from Leeds'));
    assert.ok(!isUnlinkedDescription('the spokesman for Ada Brook'));
  });

  it('gives a pronoun source the nearest named source that agrees with it, else none', () => {
    const text = [
      'Lena Holm runs the harbour. Holm said her crews were ready.',
      'Tom Brook, the mayor, disagreed. Brook said his budget was short.',
      'The Harbour Board said the quay would open.',
      '"We are ready," she said.',
      '"It is late," he said.',
      '"Funds are coming," it said.',
    ].join('\n');
    const gold = polnearGold(
      text,
      ann(text, [
        { source: 'Holm', cue: 'Holm said', content: 'her crews were ready' },
        { source: 'Brook', cue: 'Brook said', content: 'his budget was short' },
        { source: 'The Harbour Board', cue: 'Board said', content: 'the quay would open' },
        { source: 'she', cue: 'she said', content: '"We are ready,"' },
        { source: 'he', cue: 'he said', content: '"It is late,"', within: '" he said' },
        { source: 'it', cue: 'it said', content: '"Funds are coming,"' },
      ]),
    );
    // "she" passes over the board and the man named after Holm; "it" is left unknown (see the next test).
    assert.deepEqual(gold.quotes.map((q) => q.speaker), ['Lena Holm', 'Tom Brook', undefined]);
    assert.ok(gold.quotes.every((q) => q.pronounSource), 'each speaker is the gold’s resolution of a pronoun');
    const alone = 'Tom Brook spoke. Brook said his budget was short.\n"We are ready," she said.';
    const none = polnearGold(alone, ann(alone, [{ source: 'Brook', cue: 'Brook said', content: 'his budget was short' }, { source: 'she', cue: 'she said', content: '"We are ready,"' }]));
    assert.deepEqual(none.quotes.map((q) => q.speaker), [undefined]);
  });


  it('gives a pronoun source the person the narration is about when that person has not spoken before', () => {
    // Ana Penrose is named as a source; Ivo Marsh is only written about, then speaks as "he".
    const text = [
      'Ana Penrose said the yard would close. Ivo Marsh, 58, a rigger from Eastby, has worked there for years.',
      'Marsh also keeps the tide tables.',
      '"We will fight it," he said.',
    ].join('\n');
    const gold = polnearGold(text, ann(text, [
      { source: 'Ana Penrose', cue: 'said', content: 'the yard would close' },
      { source: 'he', cue: 'he said', content: '"We will fight it,"', within: '" he said' },
    ]));
    assert.deepEqual(gold.quotes.map((q) => q.speaker), ['Ivo Marsh']);
    // Before this rule, the nearest named source agreeing with "he" was taken; with Tom Hale as that source, Marsh still wins.
    const other = text.replace('Ana Penrose said', 'Tom Hale said');
    const again = polnearGold(other, ann(other, [
      { source: 'Tom Hale', cue: 'said', content: 'the yard would close' },
      { source: 'he', cue: 'he said', content: '"We will fight it,"', within: '" he said' },
    ]));
    assert.deepEqual(again.quotes.map((q) => q.speaker), ['Ivo Marsh']);
  });

  it('reads a subject after a parenthesis, and a person introduced by an apposition whose head is a role, not a body', () => {
    const text = [
      'Ana Penrose said the vote was close.',
      'Tom Hale (a Tidewatch member) was the loudest voice. "We lost the quay," he said.',
      'Ana Penrose said the count was fair.',
      'Nerys Quill, a harbour campaign consultant and a sailor, is a Kestrel resident. "I counted twice," she said.',
    ].join('\n');
    const gold = polnearGold(text, ann(text, [
      { source: 'Ana Penrose', cue: 'said', content: 'the vote was close' },
      { source: 'he', cue: 'he said', content: '"We lost the quay,"', within: '" he said' },
      { source: 'Ana Penrose', cue: 'said', content: 'the count was fair', within: 'Ana Penrose said the count' },
      { source: 'she', cue: 'she said', content: '"I counted twice,"', within: 'twice," she said' },
    ]));
    assert.deepEqual(gold.quotes.map((q) => q.speaker), ['Tom Hale', 'Nerys Quill']);
  });

  it('takes the subject of a sentence over the names in its leading "When" clause and over a source it names later', () => {
    const text = [
      'Tom Hale said the crews were tired.',
      'When Ben Ruiz left the quay at noon, Tom Hale took the helm, and Ivo Marsh said the plan was old.',
      '"It cannot work," he said.',
    ].join('\n');
    const gold = polnearGold(text, ann(text, [
      { source: 'Tom Hale', cue: 'said', content: 'the crews were tired' },
      { source: 'Ivo Marsh', cue: 'said', content: 'the plan was old' },
      { source: 'he', cue: 'he said', content: '"It cannot work,"', within: '" he said' },
    ]));
    assert.deepEqual(gold.quotes.map((q) => q.speaker), ['Tom Hale']);
  });

  it('leaves "it" and "they" sources without a speaker: a document, a sign, a crowd or two people, more often than one body', () => {
    const text = [
      'Ada Brook and Tom Hale wrote a report for the Harbour Board. Hale said it took a year.',
      'The report says the quay is "unsafe at high tide."',
      'At the gate, they chanted "open the quay."',
    ].join('\n');
    const gold = polnearGold(text, ann(text, [
      { source: 'Hale', cue: 'said', content: 'it took a year', within: 'Hale said' },
      { source: 'The report', cue: 'says', content: 'the quay is "unsafe at high tide."' },
      { source: 'they', cue: 'chanted', content: '"open the quay."', within: 'they chanted' },
    ]));
    const they = gold.quotes.find((q) => text.slice(q.start, q.end) === 'open the quay.')!;
    assert.equal(they.speaker, undefined);
    assert.equal(they.pronounSource, true);
  });

  it('leaves a source that is a cue or a piece of a word without a speaker, a span with a trailing space whole, and cuts one that runs on into its words', () => {
    const text = [
      'Tom Brook runs the harbour.',
      '"The quay is safe," Ada Ruiz said in a statement.',
      '"The tide is late," Ruiz, which the crew trusts, said.',
      '"We row at noon," Brook added.',
    ].join('\n');
    const annotation = ann(text, [
      { source: 'said in a statement', cue: 'said', content: '"The quay is safe,"', within: 'said in a' },
      { source: 'whic', cue: 'said', content: '"The tide is late,"', within: 'which the crew' },
      // Annotators' spans often take the space after a name.
      { source: 'Brook ', cue: 'added', content: '"We row at noon,"', within: 'Brook added' },
    ]);
    // Judged against "said" or "whic", every suggestion would be wrong; the gold does not know these speakers.
    assert.deepEqual(polnearGold(text, annotation).quotes.map((q) => q.speaker), [undefined, undefined, 'Tom Brook']);
    // A source span that runs on into the words it attributes is read up to its cue.
    const runOn = 'Ivo Marsh runs the club. Marsh said. "We row at noon."';
    assert.deepEqual(polnearGold(runOn, ann(runOn, [{ source: 'Marsh said. "We row at noon."', cue: 'said', content: '"We row at noon."', within: 'Marsh said' }])).quotes.map((q) => q.speaker), ['Ivo Marsh']);
  });

  it("leaves the narrator's own \"I said\" without a speaker, and gives a quoted \"I said\" the speaker of the quote around it", () => {
    const text = [
      'Tom Brook, the mayor, spoke first. Brook said the quay was safe.',
      '"I am not ready to row tonight," I said, and the crowd went quiet.',
      '"When they asked me, I said," Ada Ruiz recalled, "that we would wait for the tide."',
    ].join('\n');
    const gold = polnearGold(
      text,
      ann(text, [
        { source: 'Brook', cue: 'Brook said', content: 'the quay was safe' },
        { source: 'I', cue: 'I said', content: '"I am not ready to row tonight,"', within: '" I said' },
        { source: 'Ada Ruiz', cue: 'recalled', content: ['"When they asked me, I said,"', '"that we would wait for the tide."'] },
        { source: 'I', cue: 'I said', content: '"that we would wait for the tide."', within: 'me, I said' },
      ]),
    );
    // The narrator is the article's author, whom the text does not name: not the mayor, the last source named before.
    // Inside Ada Ruiz's quote, "I" is Ada Ruiz, although her name comes after it.
    assert.deepEqual(gold.quotes.map((q) => [text.slice(q.start, q.end), q.speaker]), [
      ['I am not ready to row tonight,', undefined],
      ['When they asked me, I said,', 'Ada Ruiz'],
      ['that we would wait for the tide.', 'Ada Ruiz'],
    ]);
  });
  it('tells the gender of a name from honorifics, pronouns right after it and first names, not from a namesake', () => {
    assert.equal(nameGender('Ms. Holm arrived. Holm said it.', 'Ada Holm'), 'female');
    assert.equal(nameGender('Brook spoke and he left.', 'Brook'), 'male');
    // A pronoun after another capitalized name is not evidence.
    assert.equal(nameGender('Brook met Lena and she left.', 'Brook'), undefined);
    // "Mrs. Brook" is Ada's when Tom Brook is in the article too; Tom's own mentions and first name decide.
    assert.equal(nameGender('Ada Brook met Tom Brook. Mrs. Brook left. Tom Brook said he stayed.', 'Tom Brook'), 'male');
    assert.ok(isPersonShaped('Charles de Gaulle'));
    assert.ok(!isPersonShaped('Harbour Board'));
    assert.ok(!isPersonShaped('some Republicans'));
  });

  it('takes a name for the start of a fuller one, and an unnamed source for indefinite people, not for a thing', () => {
    assert.ok(sameSpeaker('Ana Acosta', 'Ana Acosta Febo'));
    assert.ok(!sameSpeaker('Ana', 'Ana Acosta'));
    assert.ok(sameSpeaker('Professor Brook', 'Ada Brook'));
    assert.ok(sameSpeaker('one party activist', 'unnamed source'));
    assert.ok(sameSpeaker('a person close to the Brooks', 'unnamed source'));
    assert.ok(sameSpeaker('the official', 'unnamed source'));
    assert.ok(!sameSpeaker('a study by economists at the university', 'unnamed source'));
    assert.ok(!sameSpeaker('a poll conducted in May', 'unnamed source'));
    assert.ok(sameSpeaker('a longtime party data expert', 'unnamed source'));
    assert.ok(!sameSpeaker('the nominee', 'unnamed source'));
    // A description that opened its sentence is still one; a name keeps its capital.
    assert.ok(sameSpeaker('Harbour safety experts', 'unnamed source'));
    assert.ok(sameSpeaker('Source familiar with the plan', 'unnamed source'));
    assert.ok(sameSpeaker('But a source close to the board', 'unnamed source'));
    assert.ok(!sameSpeaker('Harbour Board', 'unnamed source'));
    assert.ok(!sameSpeaker('Ada Brook', 'unnamed source'));
    assert.ok(!sameSpeaker('A study by the Harbour Board', 'unnamed source'));
  });

  it('reads a source written in capitals without a comma at once (it once backtracked for hours)', () => {
    const headline = 'WHY THE NORTHERN TOWNS EXPECT ANOTHER COLD WINTER ON THE COAST';
    const text = `${headline}\n\nThe towns prepare.`;
    assert.equal(goldSpeakerName(text, headline, 0), headline);
    // A possessive before capitals that do not end the source (the other pattern that backtracked).
    assert.equal(goldSpeakerName(text, `the Mayor’s ${headline} today`, 0), `the Mayor’s ${headline} today`);
  });

  describe('cleans a source to the name the article uses for it (one sentence per pattern, written for these tests)', () => {
    const text = [
      'Harbour Director Lena Holm opened the new quay on Monday.',
      'A terse Holm said little.',
      'Councillor Tomas Berg of Northport spoke next, and Democrat Ida Sand replied.',
      'Radio host Omar Ruiz asked questions; Sand campaign manager Piet Kool answered them.',
      'Sand’s lawyer, Vera Lind, wrote to the Ferry Workers Union’s Dag Moen.',
      'Minister of Transport Eva Nyberg agreed. While Nyberg was away, Northern Fisheries Board Chairman Karl Ek stood in.',
      'The Coastal News Agency and the Harbour Office said nothing.',
      'Former Secretary of State Nina Olsen and Mayor Rolf al-Amin met Ida Sand.',
      'FERRY STRIKE: Critics Fault Omar Ruiz',
      'The fleet sailed at noon under Adm. Karl B. Vik, who met Rear Admiral Ana Soto.',
    ].join('\n');
    const at = text.length;
    const cases: [string, string][] = [
      ['A terse Holm', 'Lena Holm'], // a lowercase adjective before a name
      ['Harbour Director Lena Holm', 'Lena Holm'], // a title between an organisation and the name
      ['While Nyberg', 'Eva Nyberg'], // a sentence-initial conjunction
      ['Minister of Transport Eva Nyberg', 'Eva Nyberg'], // a title with its field ("Secretary of State …")
      ['Councillor Tomas Berg of Northport', 'Tomas Berg'], // "of <Place>" after a person
      ['Democrat Ida Sand', 'Ida Sand'], // a party label
      ['Radio host Omar Ruiz', 'Omar Ruiz'], // a role
      ['Sand campaign manager Piet Kool', 'Piet Kool'], // a role with the candidate's name before it
      ['Sand’s lawyer, Vera Lind,', 'Vera Lind'], // an apposition after a description
      ['the Ferry Workers Union’s Moen', 'Dag Moen'], // a possessive organisation, then grown to the fullest name
      ['Northern Fisheries Board Chairman Karl Ek', 'Karl Ek'], // a long organisation and title
      ['Mr. Ruiz', 'Omar Ruiz'], // grown from the body, not from the headline's "Critics Fault Omar Ruiz"
      ['The Coastal News Agency', 'Coastal News Agency'], // an organisation stays whole
      ['the Harbour Office', 'Harbour Office'],
      ['supporters of Ida Sand', 'supporters of Ida Sand'], // a description that ends in a name stays a description
      ['Some', 'some'], // a quantifier names no one
      ['Olsen', 'Nina Olsen'], // grown past a title with its field ("Secretary of State"), not to "State Nina Olsen"
      ['harbour pilot Anna Vik of the Northport Pilots Association', 'Anna Vik'], // "of the <Organisation>" after a person
      ['former mayor and Harbour Director Lena Holm', 'Lena Holm'], // two roles of one person joined by "and"
      ['Holm and Director Berg', 'Holm and Director Berg'], // two people: no one name
      ['Councillors Tomas Berg of Northport and Ida Sand of Southport', 'Councillors Tomas Berg of Northport and Ida Sand of Southport'],
      ['the extremist cleric Rolf al-Amin', 'Rolf al-Amin'], // a surname with a lowercase particle
      ['a woman in Northport, Eastshire', 'a woman in Northport, Eastshire'], // a place after a comma is no apposition
      ['retired Harbour Lt. Col. Piet Kool', 'Piet Kool'], // a participle before a title
      ['the schedule published Monday', 'the schedule published Monday'], // a day after a participle is no name
      ['pollster Piet Kool -- author of Tides and Ferries', 'Piet Kool'], // an apposition between dashes
      ['Actress Ida Sand', 'Ida Sand'], // an occupation written as a title
      ['the former Harbour Director', 'the former Harbour Director'], // only a title: a description
      ['Lena Holm, assistant director for ferries, quays, and piers', 'Lena Holm'], // a lowercase role after a name, commas and all
      ['Mr. Ruiz of Radio Northport', 'Omar Ruiz'], // "of <Organisation>" after a titled surname
      ['Holm herself', 'Lena Holm'], // a reflexive adds no one
      ['a startled Holm', 'Lena Holm'], // a participle as an adjective before a name
      ['Admiral Vik', 'Karl B. Vik'], // a military rank, grown to the fullest name
      ['Rear Admiral Ana Soto', 'Ana Soto'],
    ];
    for (const [raw, gold] of cases) {
      it(`${raw} → ${gold}`, () => assert.equal(goldSpeakerName(text, raw, at), gold));
    }

    it('grows "Mr. Holm" to the Holm whose first name is a man\'s when no pronoun tells, not to the nearest Holm', () => {
      const family = 'Robert Holm bought the ship. The bed came from Susan Holm.\n"It is like new," Mr. Holm said.';
      assert.equal(goldSpeakerName(family, 'Mr. Holm', family.indexOf('Mr.')), 'Robert Holm');
    });

    it('grows "Mrs. Holm" to the Holm the pronouns call "she", not to the nearest Holm', () => {
      const family = 'Ada Holm said she would stay. Tom Holm said he would go. Later Tom Holm left.\n"We stay," Mrs. Holm said.';
      assert.equal(goldSpeakerName(family, 'Mrs. Holm', family.indexOf('Mrs.')), 'Ada Holm');
      assert.equal(goldSpeakerName(family, 'Holm', family.indexOf('Mrs.')), 'Tom Holm');
    });

    it('compares names after the same cleaning on both sides, and an unnamed source with a description ending in a common noun', () => {
      assert.ok(sameSpeaker('Lena Holm', 'Harbour Director Lena Holm'));
      assert.ok(sameSpeaker('Eva Nyberg', 'Minister Nyberg'));
      assert.ok(!sameSpeaker('Eva Nyberg', 'Minister Holm'));
      assert.ok(sameSpeaker('a Harbour Office official', 'unnamed source'));
      assert.ok(sameSpeaker('some', 'unnamed source'));
      assert.ok(!sameSpeaker('Harbour Office', 'unnamed source'));
    });
  });
});
