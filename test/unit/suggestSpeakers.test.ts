import assert from 'node:assert/strict';
import { suggestAnnotations } from '../../src/core/suggest/suggestAnnotations';

// Short texts written for these tests, one per speaker phenomenon of real news (issue 12).
function speakers(text: string): [string, string | undefined][] {
  return suggestAnnotations(text)
    .filter((s) => s.kind === 'quote')
    .map((s) => [s.text, s.speaker]);
}

describe('suggestAnnotations: who speaks', () => {
  it('takes the name after an inverted cue when the quote’s clause runs on before it', () => {
    const text = [
      'Orla Fenwick spoke to the crowd first.',
      '',
      '“The bridge will be finished” before the winter, said Tobias Wren.',
      '',
      '“These toll roads have been paying for the county’s schools,” in sharp contrast to the years before the merger, says Priya Lindqvist, a planner at the county office.',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['The bridge will be finished', 'Tobias Wren'],
      ['These toll roads have been paying for the county’s schools,', 'Priya Lindqvist'],
    ]);
  });

  it('gives a quote between two cued ones to the first speaker when the cue after it opens the next quote, in any marks', () => {
    for (const [open, close] of [['“', '”'], ["''", "''"]]) {
      const text = `Ivo Marsh spoke first.\n\n${open}The tide was with us,${close} Ms. Brook said. ${open}We could not have lost today.${close} Mr. Ruiz said: ${open}The jury will decide that. We rowed fairly.${close}`;
      assert.deepEqual(speakers(text), [
        ['The tide was with us,', 'Brook'],
        ['We could not have lost today.', 'Brook'],
        ['The jury will decide that. We rowed fairly.', 'Ruiz'],
      ], open);
    }
  });

  it('reads a quote that ends a sentence in typewriter marks as one in curly marks: a cue deep in the next sentence is not its own', () => {
    for (const [open, close] of [['“', '”'], ["''", "''"]]) {
      const text = `Tom Hale said the club was run on ${open}the old rules.${close} Ana Penrose, who rowed there for years, disagreed, and the board said it would look again.`;
      assert.deepEqual(speakers(text), [['the old rules.', 'Tom Hale']], open);
    }
  });

  it('does not take the subject of a cue in the passive for the speaker ("would be blamed on “…”")', () => {
    const text = 'At Kestrel Point, Ivo Marsh, the harbour’s berth master, argued that the slump at several of his neighbours’ yards would one day be blamed on “cheap moorings and grand pontoons.”';
    assert.deepEqual(speakers(text), [['cheap moorings and grand pontoons.', 'Ivo Marsh']]);
  });

  it('finds the subject after a leading clause that names someone with a title ("Pressed on whether Mr. Ruiz …, Ms. Ruiz said")', () => {
    const text = 'Ben Ruiz and his sister Ana Ruiz ran the boathouse. Pressed by reporters on whether Mr. Ruiz would stand again, Ms. Ruiz laughed and said, “Never in this life.”';
    assert.deepEqual(speakers(text), [['Never in this life.', 'Ana Ruiz']]);
  });

  it('takes "the insider" or "the official" nobody was named with for an unnamed source, not the last person named', () => {
    const text = [
      'Ivo Marsh runs the harbour and chairs its board.',
      '',
      '“Nobody on the quay seems to mind the new fees,” the insider said.',
      '',
      '“The board has not decided anything yet,” the official added.',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['Nobody on the quay seems to mind the new fees,', 'unnamed source'],
      ['The board has not decided anything yet,', 'unnamed source'],
    ]);
  });

  it('takes the name in apposition after an inverted cue\'s description also when "of" follows it ("said a pilot, Tom Hale of the firm …")', () => {
    const text = [
      'The board met on Monday.',
      '',
      '“The tide turns at noon,” said a veteran pilot of the east channel, Tom J. Hale of Kestrel Marine.',
      '',
      '“The quay is too short,” said the berth master, Ana Penrose of Brightwater.',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['The tide turns at noon,', 'Tom Hale'],
      ['The quay is too short,', 'Ana Penrose'],
    ]);
  });

  it('takes "someone" or "somebody" who speaks for an unnamed source, not the last person named', () => {
    const text = [
      'Ivo Marsh spoke to the crowd at the quay.',
      '',
      'When someone in the crowd shouted, “Sink the fees,” the board went quiet.',
      '',
      'Somebody at the back said “not again.”',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['Sink the fees,', 'unnamed source'],
      ['not again.', 'unnamed source'],
    ]);
  });

  it('takes a crowd or an audience that shouts for an unnamed source, not a continuation of the last speaker', () => {
    const text = [
      'Tom Hale spoke at the quay on Monday.',
      '',
      '“Who pays for the new pontoon?” Hale asked.',
      '',
      '“Not us!” the crowd yelled.',
      '',
      '“Never!” the audience shouted back.',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['Who pays for the new pontoon?', 'Tom Hale'],
      ['Not us!', 'unnamed source'],
      ['Never!', 'unnamed source'],
    ]);
  });

  it('gives a quote after a colon to the subject of the clause that leads to it, not to the sentence\'s first subject', () => {
    const text = 'Tom Hale spoke at the quay on Monday.\n\nThe officials sit down, and then Hale turns to the rowers: “We will keep the quay open all winter.”';
    assert.deepEqual(speakers(text), [['We will keep the quay open all winter.', 'Tom Hale']]);
  });

  it('reads past a few marked words inside the clause after a quote to its cue ("skipper of the “Kestrel” since the spring, told")', () => {
    const text = 'Ivo Marsh opened the harbour fair on Sunday.\n\n“The river has never been this low in June,” Ana Penrose, skipper of the “Kestrel” since the spring, told the crews.';
    assert.deepEqual(speakers(text)[0], ['The river has never been this low in June,', 'Ana Penrose']);
    const second = 'Ada Brook opened the regatta on Sunday.\n\n“The tide was kind to us,” a rower from the “Old Quay” club, Ben Ruiz, said afterwards.';
    assert.deepEqual(speakers(second)[0], ['The tide was kind to us,', 'Ben Ruiz']);
  });

  it('resolves a subject pronoun with an adverb before its cue ("he later said", "she also told")', () => {
    const text = [
      'Tom Hale ran the quay for a decade. Mary Brook had often warned him about the tides.',
      '',
      '“The boats were late every single day,” he later said.',
      '',
      'Brook was blunter. She also told the board that the fees would have to rise by a third.',
    ].join('\n');
    const found = suggestAnnotations(text).map((s) => [s.kind, s.text, s.speaker]);
    assert.deepEqual(found.find(([kind]) => kind === 'quote'), ['quote', 'The boats were late every single day,', 'Tom Hale']);
    assert.deepEqual(found.find(([kind, words]) => kind === 'claim' && String(words).includes('fees')), ['claim', 'the fees would have to rise by a third', 'Mary Brook']);
  });

  it('gives a participle cue after an adverb or "by", "after", "while" the sentence\'s subject, not a name in between', () => {
    assert.deepEqual(speakers('Ivo Marsh spent the evening with Ben Ruiz at the boathouse, later writing to the members that the fee was “a step too far for us.”'), [['a step too far for us.', 'Ivo Marsh']]);
    assert.deepEqual(speakers('Mary Brook won the vote against Tom Hale by arguing that the new slipway was “worth every penny we have.”'), [['worth every penny we have.', 'Mary Brook']]);
  });

  it('reads an abbreviated title or a middle initial after the cue as part of the name', () => {
    const text = [
      '“We are ready for the vote,” said Rep. Colm Ashdown, a member of the finance panel.',
      '',
      '“Nothing has been decided,” said Hester J. Moorcroft.',
      '',
      'Sen. Ruben T. Alvarado, who chairs the panel, spoke to reporters later. “We will meet again on Friday,” he said.',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['We are ready for the vote,', 'Colm Ashdown'],
      ['Nothing has been decided,', 'Hester Moorcroft'],
      ['We will meet again on Friday,', 'Ruben Alvarado'],
    ]);
  });

  it('takes a surname with an inner capital for a name', () => {
    const text = '“The numbers do not add up,” co-host Dalia DeLorenzo said.';
    assert.deepEqual(speakers(text), [['The numbers do not add up,', 'Dalia DeLorenzo']]);
  });

  it('resolves “he said” to the subject of the sentence before, even when the subject’s gender is unknown', () => {
    const text = 'Sasha Quennell said Donald Ashby has never kept a promise to the town. “He should resign before the summer,” he said.';
    assert.deepEqual(speakers(text), [['He should resign before the summer,', 'Sasha Quennell']]);
  });

  it('takes the name before a chain of appositions as the subject of the cue', () => {
    const text = 'Gale Ibsen, a pollster who works with Forward USA, a super PAC, said voters see the mayor as “tired and distant.”';
    assert.deepEqual(speakers(text), [['tired and distant.', 'Gale Ibsen']]);
  });

  it('keeps “she said” with the speaker quoted just before when the narrator names nobody since, even if the quote does', () => {
    const text = 'Martha Pike has led the office since May. “We met the inspectors with Martha Pike this morning,” Noor Haldane said. “She will have the report by Friday,” she said.';
    assert.deepEqual(speakers(text), [
      ['We met the inspectors with Martha Pike this morning,', 'Noor Haldane'],
      ['She will have the report by Friday,', 'Noor Haldane'],
    ]);
  });

  it('does not take a sentence opener or a headline’s words for part of a name', () => {
    const text = [
      'Nine Big Ideas Dana Ortiz',
      '',
      '“We will keep the ferry running,” she said.',
      '',
      'Dana Ortiz spoke first. Later Lou Holloway left the hall.',
      '',
      'Neither Holloway nor the mayor, who neither spoke nor voted, said the plan was “not enough.”',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['We will keep the ferry running,', 'Dana Ortiz'],
      ['not enough.', 'Lou Holloway'],
    ]);
  });

  it('reads a title’s period or a party label between the quote and its cue as part of the speaker', () => {
    const text = [
      '“The levee held this time,” Sen. Rosa Vannet (D-Ore.) said on Sunday.',
      '',
      '“It will not hold twice,” Mr. Hollis Brandt said.',
    ].join('\n');
    assert.deepEqual(speakers(text), [
      ['The levee held this time,', 'Rosa Vannet'],
      ['It will not hold twice,', 'Hollis Brandt'],
    ]);
  });

  it('carries the speaker past a person named only as an object, not past a new subject', () => {
    const carried = [
      '“The budget is tight this year,” said Marta Quell, the council treasurer.',
      '',
      'The committee met with Jonas Pell for an hour on Monday.',
      '',
      '“We cannot promise anything before the spring, and we will not try to.”',
    ].join('\n');
    assert.deepEqual(speakers(carried).map(([, speaker]) => speaker), ['Marta Quell', 'Marta Quell']);
    const switched = carried.replace('The committee met with Jonas Pell for an hour on Monday.', 'Jonas Pell met the committee for an hour on Monday.');
    assert.deepEqual(speakers(switched).map(([, speaker]) => speaker), ['Marta Quell', 'Jonas Pell']);
  });

  it('gives marked words before a participle after a comma the subject of their sentence, an organisation too, not the last speaker', () => {
    const text = [
      '“We will row on,” Tom Hale said.',
      '',
      'The Kestrel Rowing Trust stayed silent on the “mooring row” for a week, insisting in the end that its only aim was “open water for every crew.”',
    ].join('\n');
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Tom Hale', 'Kestrel Rowing Trust', 'Kestrel Rowing Trust']);
    const person = text.replace('The Kestrel Rowing Trust', 'Ada Brook');
    assert.deepEqual(speakers(person).map(([, speaker]) => speaker), ['Tom Hale', 'Ada Brook', 'Ada Brook']);
  });

  it('gives "His campaign" and "her top aides" to the people of the person the pronoun means, never to a determiner ("The’s campaign")', () => {
    const text = 'Ada Brook rowed first on Monday. “We are ready for the regatta,” her top aides said.';
    assert.deepEqual(speakers(text), [['We are ready for the regatta,', 'Ada Brook’s top aides']]);
    const claims = suggestAnnotations('Tom Hale spoke at the boathouse on Monday. His campaign said it would not pay the new mooring fees this year.\n\nThe campaign said its volunteers would knock on every door in Eastby.')
      .filter((s) => s.kind === 'claim')
      .map((s) => s.speaker);
    assert.deepEqual(claims, ['Tom Hale’s campaign', 'the campaign']);
  });

  it('gives marks that end a sentence to that sentence\'s cue, not to a cue that opens the next sentence', () => {
    const text = 'The Harbour Gazette, in its Monday edition, says that the regatta fund went on “boats nobody ordered.” Kestrel Media says the fund paid for two new sculls.';
    assert.deepEqual(speakers(text), [['boats nobody ordered.', 'Harbour Gazette']]);
    const cued = '“We have moved the money to trusts,” Tom Hale said on Monday. “It is beyond my reach.” Ada Brook said she did not believe him.';
    assert.deepEqual(speakers(cued).map(([, speaker]) => speaker), ['Tom Hale', 'Tom Hale']);
  });
  it('gives the cue at the end of a long clause to the name after "what" or "which" right before it, not to the last speaker', () => {
    const text = 'Tom Hale chaired the board. “We row every day,” Ben Ruiz said. Eastby moved its boathouse twice in ten years to escape what Hale called “a reputation for chaos.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Ben Ruiz', 'Tom Hale']);
  });

  it('gives words to an unnamed source when a quantifier alone or after "and" is the subject ("Several said", "and 35 percent said")', () => {
    const several = 'Tom Hale spoke first. “We row every day,” he said. Several said the club ought to sell its old sculls at “knockdown prices” before winter.';
    assert.deepEqual(speakers(several).map(([, speaker]) => speaker), ['Tom Hale', 'unnamed source']);
    const shares = 'Tom Hale spoke first. “We row every day,” he said. Asked whether the quay should reopen, 40 percent said “as soon as possible” and 35 percent said “never again.”';
    assert.deepEqual(speakers(shares).map(([, speaker]) => speaker), ['Tom Hale', 'unnamed source', 'unnamed source']);
  });
  it('gives a quote after "is that" to the name of an inverted cue set off by commas before it ("The trouble, says Ivo Marsh, is that “…”")', () => {
    const text = 'Tom Hale spoke first. “We row every day,” he said. Ada Brook, who coaches the juniors, spoke next. The odd thing about the regatta, says Ivo Marsh, a boatbuilder on the east quay, is that it was “never about the racing at all.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Tom Hale', 'Ivo Marsh']);
  });
  it('gives a participle cue after "with" to the subject that follows "with", not to the sentence\'s subject or the last speaker', () => {
    const text = 'Tom Hale spoke first. “We row every day,” he said. Ada Brook kept the meeting on the mooring fees, with Ben Ruiz asking, “Who will pay for the new quay?”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Tom Hale', 'Ben Ruiz']);
    const unnamed = 'Tom Hale spoke first. “We row every day,” he said. The club’s radio spot closes with a narrator saying: “Who will pay for the new quay?”';
    assert.deepEqual(speakers(unnamed).map(([, speaker]) => speaker), ['Tom Hale', 'unnamed source']);
  });
  it('gives a participle cue to the unnamed source a sentence opens with ("The spokesman would not say …, adding: “…”"), not to a name inside the sentence', () => {
    const text = 'Tom Hale, the harbour master, spoke on Monday. “We row every day,” he said. A club spokesman said Hale would skip the dinner. The spokesman would not say whether Hale backs Brook for the chair but said the diary was full, adding: “We will look at any invitation on its merits.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Tom Hale', 'unnamed source']);
  });

  it('gives words to a document described with four words before its head ("A river trust safety officer’s report published …")', () => {
    const text = 'Tom Hale spoke first. “We row every day,” he said. A river trust safety officer’s report published last spring found “serious lapses” in the checks on the club’s lifejackets.';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Tom Hale', 'a river trust safety officer’s report published last spring']);
    // A subject and its verb before "a statement" are no description of the statement.
    const issued = 'Tom Hale spoke first. “We row every day,” he said. The Harbour Board issued a statement calling the closure “long overdue.”';
    assert.deepEqual(speakers(issued).map(([, speaker]) => speaker), ['Tom Hale', 'Harbour Board']);
  });
  it('gives a participle cue to the people of the person a sentence-opening "His" means ("His chief aide went after …, saying …")', () => {
    const text = 'Tom Hale and Ada Brook met on Sunday. His chief aide went after Brook’s record on the quay, saying her plans look good “on paper” and little else.';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Tom Hale’s chief aide']);
  });
  it('gives what a sign, a banner or a message "reads" to that sign or message, not to the last speaker', () => {
    const text = 'Tom Hale spoke first. “We row every day,” he said. “Welcome, visitors! The regatta starts at noon!” a banner on the club’s gate reads. “Bring a coat if it rains.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Tom Hale', 'a banner on the club’s gate', 'a banner on the club’s gate']);
    const banner = 'Tom Hale spoke first. “We row every day,” he said. The banner read: “No fees for rowers.”';
    assert.deepEqual(speakers(banner).map(([, speaker]) => speaker), ['Tom Hale', 'the banner']);
  });
  it('gives words after "As The … reported," to the outlet named after "The", even one whose last word is a word for people ("The Eastby Observer")', () => {
    const text = 'Ben Ruiz rowed first. As The Eastby Observer reported, the club’s treasurer “moved the prize money twice” before the audit.';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Eastby Observer']);
    const title = 'Ben Ruiz rowed first. As The Harbour Minister reported, the club’s treasurer “moved the prize money twice” before the audit.';
    assert.notDeepEqual(speakers(title).map(([, speaker]) => speaker), ['Harbour Minister']);
  });
  it('takes a word for people that ends a run of capitals ("the Eastby Caller") for the name of an outlet, not for an unnamed caller', () => {
    const text = 'Ben Ruiz rowed first. According to the Eastby Caller, “the club sold two boats in March and told nobody.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Eastby Caller']);
    const unnamed = 'Ben Ruiz rowed first. According to a caller, “the club sold two boats in March and told nobody.”';
    assert.deepEqual(speakers(unnamed).map(([, speaker]) => speaker), ['unnamed source']);
    // The heads of anonymous sourcing stay titles when capitalized: "the Harbour Board Spokesman" is nobody's name.
    const spokesman = 'Tom Hale spoke first. “We row every day,” said the Harbour Board Spokesman.';
    assert.deepEqual(speakers(spokesman).map(([, speaker]) => speaker), ['unnamed source']);
  });
  it('reads past a party or place label in brackets between a name and the apposition after it ("Ana Penrose (R-Kent), a longtime club member, said")', () => {
    const text = 'Tom Hale spoke first. Sen. Ana Penrose (R-Kent), a longtime club member, said Brook was “weak on the quay.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Ana Penrose']);
  });
  it('gives words that a poll\'s sample said to the poll a sentence opens with ("In a Tidewatch survey taken last week, 58 percent of rowers said “…”")', () => {
    const text = 'Tom Hale spoke first. In a Tidewatch survey taken last week, 58 percent of rowers said the new quay was “worth every penny.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['a Tidewatch survey taken last week']);
  });

  it('gives words to the name in apposition to an unnamed description ("A longtime member, Councillor Ana Penrose, was blunt: “…”")', () => {
    const text = 'Tom Hale spoke first. A longtime member, Councillor Ana Penrose, was blunt at the Tuesday meeting: “The quay is a scandal and everyone knows it.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Ana Penrose']);
  });
  it('gives a quote to a name and the organisation it is of before the cue, however many words the organisation\'s name has', () => {
    const text = 'Tom Hale spoke first. “The new quay will cost twice what the club has in the bank,” Ivo Marsh of the Eastby Institute for Boats and Harbours told members.';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Ivo Marsh']);
  });
  it('gives a participle cue to the people of a named person who are the subject after a leading clause ("After the vote, Hale’s campaign sent a letter …, accusing …")', () => {
    const text = 'Ada Brook spoke first. After the vote, Hale’s campaign sent a long letter about the harbour board to members, accusing its officers of “secrecy for its own sake.” Some allies agreed.';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Hale’s campaign']);
  });
  it('takes the people of a named person for the subject before an irregular verb in the past ("Hale’s campaign wrote to members …, accusing …")', () => {
    const text = 'Ada Brook spoke first. Hale’s campaign wrote to members about the harbour board, accusing its officers of “secrecy for its own sake.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Hale’s campaign']);
  });
  it('reads a comma between two adjectives in a leading phrase ("In a short, friendly chat with …, Ivo Marsh added") as no end of the phrase', () => {
    const text = 'Tom Hale spoke first. In a short, friendly chat with reporter Ben Ruiz at the quay, Ivo Marsh praised the crews and added, “We have never rowed better.”';
    assert.deepEqual(speakers(text).map(([, speaker]) => speaker), ['Ivo Marsh']);
    // Not a pronoun after the comma: "Over the years, she said, …" ends its leading phrase at the comma.
    const pronoun = 'Ada Brook runs the club. Over the years, she said, the quay has been “a second home.”';
    assert.deepEqual(speakers(pronoun).map(([, speaker]) => speaker), ['Ada Brook']);
  });
  it('keeps the cue before marked words when a conjunction and a subject of its own open the clause of the cue after them ("… a “whisper drive” while Brook says …")', () => {
    const text = 'Tom Hale accuses Ada Brook of running a “whisper drive” about his fees while Brook says Hale is in the pocket of the board.';
    assert.deepEqual(speakers(text), [['whisper drive', 'Tom Hale']]);
    // A cue right after the marks, with no clause of its own, is still theirs.
    assert.deepEqual(speakers('Tom Hale accuses Ada Brook of far too much. “It is a whisper drive,” Brook said.'), [['It is a whisper drive,', 'Ada Brook']]);
  });
  it('gives marked words after a perfect participle ("…, having described him as a “…”") to the subject of the sentence', () => {
    const text = 'Tom Hale spoke first. Ada Brook sized up Ivo Marsh early, having described him as a “harmless dreamer.”';
    assert.deepEqual(speakers(text), [['harmless dreamer.', 'Ada Brook']]);
  });
  it('takes a name at the end of a relative clause inside an apposition for that clause\'s object, not the cue\'s subject', () => {
    const text = 'Ben Ruiz rowed first. Ana Penrose, a rigger who learned the trade under Tom Hale (R-Kent), the yard\'s founder, told the Gazette the plan was “long overdue.”';
    assert.deepEqual(speakers(text), [['long overdue.', 'Ana Penrose']]);
    // The apposition of a name the sentence opens with still describes it.
    assert.deepEqual(speakers('Ben Ruiz rowed first. Tom Hale (R-Kent), the yard\'s founder, told the Gazette the plan was “long overdue.”'), [['long overdue.', 'Tom Hale']]);
  });
});
