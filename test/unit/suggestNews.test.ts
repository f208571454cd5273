import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SpeakerRegistry } from '../../src/core/speakers/speakerRegistry';
import { isOrganisation, nameRuns } from '../../src/core/suggest/nameRuns';
import { registeredSpeaker } from '../../src/core/suggest/registryNames';
import { findCues } from '../../src/core/suggest/reportingCues';
import { cuePronoun } from '../../src/core/suggest/speakers';
import { withConfidence } from '../../src/core/suggest/confidence';
import { suggestAnnotations } from '../../src/core/suggest/suggestAnnotations';

// Short texts written for these tests, one per phenomenon of real news (issue 12).
function quotes(text: string, registry?: SpeakerRegistry): [string, string | undefined][] {
  return suggestAnnotations(text, { registry })
    .filter((s) => s.kind === 'quote')
    .map((s) => [s.text, s.speaker]);
}

describe('suggestAnnotations on news: speakers', () => {
  it('takes an organisation, agency or outlet as the speaker', () => {
    const text = [
      '“We will review the decision carefully,” the Home Office said on Tuesday.',
      '',
      '“The talks ended without agreement,” the Korean Central News Agency reported.',
      '',
      'The Harbour Gazette wrote that “nobody was told in advance.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We will review the decision carefully,', 'Home Office'],
      ['The talks ended without agreement,', 'Korean Central News Agency'],
      ['nobody was told in advance.', 'Harbour Gazette'],
    ]);
  });

  it('takes an organisation for the subject when an adverb or a verb, not a noun, follows its name', () => {
    const text = 'The Harbour Board only last month announced that “the pier repairs cannot wait any longer.”';
    assert.deepEqual(quotes(text), [['the pier repairs cannot wait any longer.', 'Harbour Board']]);
  });

  it('gives marked words without a cue to the organisation that opens their sentence, past a dateline', () => {
    const text = 'NORTHPORT, May 3 (HNS) — The Harbour Board issued a statement on Friday, offering “a full and frank review” to ferry users.';
    assert.deepEqual(quotes(text), [['a full and frank review', 'Harbour Board']]);
  });

  it('takes a name with a bare role after it for a person whom a later "she said" means', () => {
    const text = [
      'Debbie Ross, the party chairwoman, spoke first.',
      '',
      '“We will write to every member this week,” she said.',
      '',
      'The strike has friends elsewhere. Sela Omri, head of research at the Harbour Nurses Union, which backs Mr. Tallis, also said her members planned to join.',
      '',
      '“We will be on the quay every morning,” she said.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We will write to every member this week,', 'Debbie Ross'],
      ['We will be on the quay every morning,', 'Sela Omri'],
    ]);
  });

  it('reads a word after a capitalized title as a person\'s name ("President Brook", "Sen. Marr", "Pres. Quill"), though the text never writes it in full', () => {
    const text = [
      '“We need a new boathouse,” candidate Tom Hale said in a statement.',
      '',
      'Mooring fees have risen for years. President Brook has called them “a tax on rowing,” and her office has asked the board to freeze them. Sen. Marr has called the fees “a scandal.”',
      '',
      'In a letter to members, Pres. Quill concedes the new timetable “has confused everyone,” and promises a fix.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We need a new boathouse,', 'Tom Hale'],
      ['a tax on rowing,', 'Brook'],
      ['a scandal.', 'Marr'],
      ['has confused everyone,', 'Quill'],
    ]);
  });

  it('takes "he" after "who" for the speaker of the relative clause, not the name the clause follows ("Mayor Brook, who he said was …")', () => {
    const text = [
      '“I will keep this short,” Tom Hale told the members. “The season starts on Saturday.”',
      '',
      'He criticised the lease signed by Mayor Brook, who he said was “counting the days to his pension.” He promised to bring back “the old Sunday races.”',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Hale', 'Tom Hale', 'Tom Hale', 'Tom Hale']);
  });

  it('looks past a man named in a sentence whose subject is "he" itself for whom a later "he" means, however far back', () => {
    const text = [
      'Tom Hale, fresh from a win in the single sculls, has asked two rivals to withdraw.',
      '',
      'He has written to Ivo Marsh twice this week.',
      '',
      'He wants the board to decide quickly.',
      '',
      'He expects that, with the club divided, Ben Ruiz will take the chair, which he called “a setback” for rowing.',
    ].join('\n');
    assert.deepEqual(quotes(text), [['a setback', 'Tom Hale']]);
  });

  it('reads appositions of a leading phrase as part of it: the capitalized subject after them speaks ("At the spring dinner, a farewell to X, the retiring coach, Mr. Hale mocked …")', () => {
    const text = [
      'Ivo Marsh, the club secretary, spoke first. “We are ready,” Marsh said.',
      '',
      'Tom Hale wanted the chair. At the spring dinner in 2019, a farewell to Ivo Marsh, the retiring coach, Mr. Hale mocked the “armchair selectors of the clubhouse,” and he urged “more patience with beginners.”',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ivo Marsh', 'Tom Hale', 'Tom Hale']);
  });

  it('takes the name in apposition to "one young woman" for whom a later "she" means, not an unnamed source', () => {
    const text = [
      'The regatta ended in rain. One young woman, Nerys Quill, waited by the slipway to speak to Mr. Ruiz.',
      '',
      '“You should race here every year,” she told him.',
    ].join('\n');
    assert.deepEqual(quotes(text), [['You should race here every year,', 'Nerys Quill']]);
  });

  it('reads verbs of how words were said as cues ("gushed", "exhorted"), and a role in lower case before the name a description after an inverted cue stands for', () => {
    const text = [
      'Tom Hale spoke last. During the first debate, Ada Brook gushed, “This is the best crew we have ever had,” and the hall cheered.',
      '',
      '“Nobody trains harder than this squad,” exhorted the evening\'s host, the rower Nerys Quill.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['This is the best crew we have ever had,', 'Ada Brook'],
      ['Nobody trains harder than this squad,', 'Nerys Quill'],
    ]);
  });

  it('reads no title in "a day before rowers head to the start line": a later "he" still means the man named before', () => {
    const text = [
      'Tom Hale has ignored the latest complaints about his crew.',
      '',
      'Instead, the Eastby rower kept to his training plan, a day before rowers head to the start line.',
      '',
      '“Our boat is faster than it was in March,” he told a few fans in Northport on Monday.',
    ].join('\n');
    assert.deepEqual(quotes(text), [['Our boat is faster than it was in March,', 'Tom Hale']]);
  });

  it('gives marked words inside a relative clause to the person the clause follows ("his daughter Ada Hale, who painted him as …")', () => {
    const text = [
      '“We start again tomorrow,” Tom Hale said.',
      '',
      'Hale\'s quiet speech followed a warm welcome from his daughter Ada Hale, who painted him as a stubborn, kind coach who would always be “the crew\'s anchor” and “a friend” to beginners.',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Hale', 'Ada Hale', 'Ada Hale']);
  });

  it('reads "(She said she would “…”)" in brackets as the pronoun\'s cue, not as a guess from the paragraph', () => {
    const text = 'In March, Ada Brook, Kestrel\'s finance director for a decade, was asked to leave. (She said she would “step back.”) Then Kestrel, a month later, sold its boathouse.';
    const quote = suggestAnnotations(text).find((s) => s.kind === 'quote');
    assert.deepEqual([quote?.text, quote?.speaker, quote?.rule], ['step back.', 'Ada Brook', 'paired marks']);
  });

  it('takes a word a relative "who" follows for a person\'s name, though it never speaks next to a cue ("Meanwhile Quill, who had just been named …")', () => {
    const text = [
      'Ada Brook opened the dinner: “Thank you all for coming,” she said. Later the room applauded Quill.',
      '',
      'Meanwhile Quill, who had just been named coach of the year, talked about her first season. “I lost every race and loved every one.”',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook', 'Quill']);
  });

  it('reads "North Eastby, he said, was “…”" after a quote as the pronoun\'s cue, not a place named with an apposition', () => {
    const text = [
      'Tom Hale, who runs the Kestrel Rowing Club\'s youth squad, was unsure why the dispute had gone quiet.',
      '',
      '"Perhaps both sides are tired," Hale said. "Nobody wants another long winter of letters." North Eastby, he said, was "where the next fight will start."',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Hale', 'Tom Hale', 'Tom Hale']);
  });

  it('gives an uncued quote to the name right before a cue that ends the sentence before it ("…, the rowing adviser Ivo Marsh says. “…”")', () => {
    const text = [
      'Ada Brook of the harbour board agreed. "The club needs a new captain before the summer. Ben Ruiz would be a safe choice."',
      '',
      'Or perhaps Tom Hale, the rowing adviser Ivo Marsh says. "Some of the older members are warming to Tom again. ... Still, the vote will be close."',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook', 'Ivo Marsh']);
  });

  it('reads a name with a capital inside it ("KellyAnne", "VanderBerg") as a name', () => {
    const text = 'KellyAnne Marsh, the campaign manager, spoke to reporters. “We are ahead,” Marsh said.';
    assert.deepEqual(quotes(text), [['We are ahead,', 'KellyAnne Marsh']]);
  });

  it('keeps "she said" with the speaker of a long quote that ended just before', () => {
    const text = [
      'Lena Voss said the café opened in 2014. She has kept it going while Tom Olsen has run the harbour board with his wife, Mara Olsen.',
      '',
      'On Sunday, she said for the first time that Tom Olsen had raised her rent.',
      '',
      '“The ferry was late again on Friday, the tickets cost twice what they did last year, and nobody at the office could tell me why. I wrote to the board, I wrote to the council and I wrote to the paper, and only the paper wrote back, which tells you all you need to know,” she said.',
      '',
      '“Nobody has answered me yet,” she said.',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Lena Voss', 'Lena Voss']);
  });

  it('reads a title, a direction, a month or "from" after a first name as a surname ("Ella King", "Omar West", "Ada May", "Ned From"), not before a name or a number ("Saudi King Salman", "Friday May 5")', () => {
    const text = 'Ella King, a retired harbour pilot, said “the fog is worse every winter.” “It is settled,” said Omar West. “We won,” said Ada May, the leader. “It was hard,” said Ned From, the founder.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ella King', 'Omar West', 'Ada May', 'Ned From']);
    const runs = (t: string) => nameRuns(t, 0, t.length).map((r) => r.tokens.join(' '));
    assert.deepEqual(runs('Saudi King Salman met Ella King on Monday.'), ['Saudi', 'Salman', 'Ella King']);
    assert.deepEqual(runs('The vote in Eastby May 5 went to Ada May.'), ['Eastby', 'Ada May']);
  });

  it('reads a first name and a word of an outlet\'s name that is also a surname as a person ("Mayor Rob Guardian", "Emily Post"), not a first name before an outlet\'s other words', () => {
    const text = 'Ada Brook came to Eastby on Monday.\n\n“Any visit is good for the town,” said Eastby Mayor Rob Guardian by phone.';
    assert.deepEqual(quotes(text), [['Any visit is good for the town,', 'Rob Guardian']]);
    assert.equal(isOrganisation(['Emily', 'Post']), false);
    assert.equal(isOrganisation(['Charlotte', 'Observer']), true);
    assert.equal(isOrganisation(['Eastby', 'Post']), true);
  });

  it('keeps two or three initials before a name in it ("A.J. Marsh", "T. R. Hale"), not the initials of a place or one letter that ends a sentence', () => {
    const text = 'Ana Penrose spoke first.\n\nRowing club chairman A.J. Marsh told the Gazette the fee left him “speechless.”';
    assert.deepEqual(quotes(text), [['speechless.', 'A.J. Marsh']]);
    const runs = (t: string) => nameRuns(t, 0, t.length).map((r) => r.tokens.join(' '));
    assert.deepEqual(runs('Both T. R. Hale and A.J. Marsh rowed.'), ['T.R. Hale', 'A.J. Marsh']);
    assert.deepEqual(runs('U.S. Senator Ada Brook and the D.C. Council met.'), ['Ada Brook', 'Council']);
    assert.deepEqual(runs('It earned a grade A. Hale said so.'), ['Hale']);
  });

  it('takes a family name written first ("Park" of "Park Min-jun") for the person whom a later "he said" means', () => {
    const text = [
      'Park Min-jun, the harbour master, met Tom Hale on Monday.',
      '',
      '“We talked about the tides for hours,” Park recalled.',
      '',
      'Pressed on whether Tom Hale, who runs the rival yard, might take the contract, Park demurred.',
      '',
      '“The numbers speak for themselves,” he said.',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Park', 'Park']);
  });

  it('takes the subject after a leading clause, not a name inside it ("Introduced by X, Y …", "Pressed on whether X …, Y smiled")', () => {
    const marked = 'Introduced on stage by Joe Harte, the county sheriff, Ada Brook spoke at length about the “forgotten towns” of the valley.';
    assert.deepEqual(quotes(marked), [['forgotten towns', 'Ada Brook']]);
    const pronoun = 'Tom Hale and Joe Harte met on Monday.\n\nPressed on whether Tom Hale could carry the vote in spring, Joe Harte smiled.\n\n“The numbers are plain,” he said.';
    assert.deepEqual(quotes(pronoun), [['The numbers are plain,', 'Joe Harte']]);
    const preposition = 'In a letter to Ada Brook, Tom Hale faulted the council for its “sheer negligence” over the pier.';
    assert.deepEqual(quotes(preposition), [['sheer negligence', 'Tom Hale']]);
  });

  it('resolves a pronoun right after a participle clause past the names in that clause ("Questioned on whether X …, she replied")', () => {
    const text = 'Ana Penrose has coached the crew for a decade.\n\nQuestioned on whether the club would sell the boathouse to Ada Brook, she replied: “Not while I hold the keys.”\n\n“Never,” she added.';
    assert.deepEqual(quotes(text), [['Not while I hold the keys.', 'Ana Penrose'], ['Never,', 'Ana Penrose']]);
  });

  it('takes a title and a full name right before the cue for its subject, not for an apposition of a name before it', () => {
    const text = 'Speaking about the budget of Mayor Ada Brook, former harbour master Tom Hale told the radio host Ida Sand, “The numbers were never going to add up.”';
    assert.deepEqual(quotes(text), [['The numbers were never going to add up.', 'Tom Hale']]);
  });

  it('gives the words of an unnamed subject ("A Brook campaign official …, saying …") to an unnamed source, not to the name it holds', () => {
    const text = 'Ada Brook spoke on Monday. A Brook campaign official later softened the remarks, saying that Brook “meant the old pier, not the new one.”';
    assert.deepEqual(quotes(text), [['meant the old pier, not the new one.', 'unnamed source']]);
  });

  it('takes a surname with an age after it for the subject, not a fuller namesake in the apposition after it', () => {
    const text = 'Ada Holm announced the news on Monday.\n\nHolm, 41, the niece of former mayor Tom Holm and councillor Rita Holm, wrote on her blog, “The bakery opens again in April.”';
    assert.deepEqual(quotes(text), [['The bakery opens again in April.', 'Ada Holm']]);
  });

  it('reads "remembered" and "repeated" as speech cues', () => {
    const text = 'Carla Fenn sold the mill in 2005.\n\n“Half the town told her to wait,” remembered Ivo Brandt, her former foreman. “She never listened to any of them, and she was right.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ivo Brandt', 'Ivo Brandt']);
  });

  it('tells which namesake a surname means by a reflexive after it ("Olsen herself")', () => {
    const text = 'Mara Olsen stayed home. Tom Olsen spoke first.\n\n“The vote is ours,” Tom Olsen said.\n\n“I am not so sure,” Olsen herself said.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Olsen', 'Mara Olsen']);
  });

  it('takes the name before "of <Organisation>" for the person, not the organisation\'s last words', () => {
    const text = '“The tide tables are out of date,” Jeff Lane of the Harbour Centre for Ocean Studies wrote in a report.';
    assert.deepEqual(quotes(text), [['The tide tables are out of date,', 'Jeff Lane']]);
  });

  it('reads "Los Angeles", "San Bernardino", "Mount Pleasant" and "Fort Worth" as places, not people', () => {
    for (const place of ['Los Angeles', 'San Bernardino', 'Santa Catarina', 'Mount Pleasant', 'Fort Worth', 'Las Vegas']) {
      assert.equal(isOrganisation(place.split(' ')), true, place);
    }
    assert.equal(isOrganisation(['Ada', 'Brook']), false);
  });

  it('takes a "she" after a leading clause or a conjunction for the subject, and never a name written after the pronoun', () => {
    const text = 'Ada Brook ran the bakery in 2001.\n\nDriving back from the market, she grumbled to her brother, Tom Brook, that the rent was “simply absurd.”';
    assert.deepEqual(quotes(text), [['simply absurd.', 'Ada Brook']]);
  });

  it('gives a quote the cue before it when the sentence after it opens the next quote ("… told the Times (HT), “A.” He added, “B.”")', () => {
    const text = [
      'As the Harbour Post’s Ben Ruiz wrote, “the council passed a motion.”',
      '',
      'Then again, as Canon Mary Hale of the Eastby Minster told the Harbour Times (HT), “Our bells rang for every wreck.” He added, “So the board should act.”',
    ].join('\n');
    // "He" is not Mary Hale: the cue after her quote opens the next one, so hers is the cue before it.
    assert.deepEqual(quotes(text).slice(1), [
      ['Our bells rang for every wreck.', 'Mary Hale'],
      ['So the board should act.', 'Ben Ruiz'],
    ]);
  });

  it('reads a title-case headline\'s capitals as no names ("Lifeboat Trust Picks Tom Hale" → "Tom Hale"; "Oddest Things Eastbyans" → none), but a known first name and its surname there are a name', () => {
    const nominated = [
      'Lifeboat Trust Picks Tom Hale To Lead Its Winter Appeal Again.',
      '',
      'The trust chose him to lead the winter appeal again, and the appeal opens on Monday. Hale was at sea.',
      '',
      '“I did not see that coming,” Hale said later.',
    ].join('\n');
    assert.deepEqual(quotes(nominated), [['I did not see that coming,', 'Tom Hale']]);
    const things = [
      'The Oddest Things Eastbyans Told Us About The Summer.',
      '',
      'We asked the town what it told us about the summer, and most of the crews did not hold back. Eastbyans rarely do.',
      '',
      '“Picture a gull stealing your pasty on the pier,” he said.',
    ].join('\n');
    assert.deepEqual(quotes(things), [['Picture a gull stealing your pasty on the pier,', undefined]]);
    const names = 'Crews Cheer For Peter Brook At The Regatta, Again And Again.\n\nThe crowd at the regatta cheered for him and the crew again. “I will row it again,” Brook said.';
    assert.deepEqual(quotes(names), [['I will row it again,', 'Peter Brook']]);
  });

  it('drops titles and descriptions before a first name from the speaker ("House Speaker Tom Hale", "Northporter Tom Hale")', () => {
    assert.deepEqual(quotes('Ben Ruiz once sailed with fellow Northporter Tom Hale. “We will win in May,” Northporter Tom Hale said.'), [
      ['We will win in May,', 'Tom Hale'],
    ]);
    assert.deepEqual(quotes('The vote was close. “We will win in May,” House Speaker Tom Hale said. The house speaker spoke for an hour.'), [
      ['We will win in May,', 'Tom Hale'],
    ]);
  });

  it('takes the name before a long apposition after the quote ("…,” Hale, the …, said); never an adverb opening the next sentence', () => {
    const long = '“A fine crew, a very fine crew,” Hale, who has kept the harbour since 2009 and has sat on the lifeboat board longer than anyone else in the town or on the wider coast, said as Ruiz looked on.';
    assert.deepEqual(quotes(long), [['A fine crew, a very fine crew,', 'Hale']]);
    const adverb = 'Tom Hale spoke last. “Rates are too low.” Specifically, the board he once chaired, and its chair, said the bank was “building a bubble.”';
    assert.ok(!quotes(adverb).some(([, speaker]) => speaker === 'Specifically'), String(quotes(adverb)));
  });

  it('takes the name after "and" for the cue\'s subject when a clause comes before it ("a woman asked for an autograph and Brook said"), not a pair of names', () => {
    const text = 'Mayor Ada Brook walked the fish market on Friday. Near the ice stall, a woman asked for an autograph and Brook said, “only if you sign mine too.”';
    assert.deepEqual(quotes(text), [['only if you sign mine too.', 'Ada Brook']]);
    // "The foreign ministers of Kostrava and Valdesia have agreed …" (the project's own gold article): a pair of names, no clause.
    const article = fs.readFileSync(path.join(__dirname, '../../../test/gold/d1_lauterbruck_water_talks.txt'), 'utf8');
    assert.ok(!suggestAnnotations(article).some((s) => s.speaker === 'Valdesia'));
  });

  it('keeps a known first name\'s gender against a few "she"s whose nearest sentence names only him', () => {
    const text = [
      'Ada Brook said she will back Tom Hale for harbour master but has not joined his crew, so she will not row with him.',
      '',
      'On the quay, Brook would not say whether she might change her mind on Hale. She said she has no plans to.',
      '',
      '"Every oar you pull is a promise," Brook said.',
      '',
      'The skipper says her view is plain and that her support for Hale will be public. She has backed a crew before - she rowed for the winning boat of 2012.',
      '',
      '"I was at every regatta," she said. "I carried the oars and painted the hull for them."',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook', 'Ada Brook', 'Ada Brook']);
  });

  it('reads "…,” Name, 58, a pilot from Dover, Del., said" as that name\'s words: an age before the apposition, a state\'s abbreviation inside it', () => {
    const text = 'Tom Hale was mentioned earlier. “The tide charts were wrong all summer,” Ada Brook, 58, a ferry pilot from Dover, Del., said by telephone.';
    assert.deepEqual(quotes(text), [['The tide charts were wrong all summer,', 'Ada Brook']]);
  });

  it('takes the name after a description after an inverted cue ("said another user, Ana Ruiz", "said Hale\'s deputy, Ivo Marsh, who …", "said his friend at Leeds, Cal Penrose")', () => {
    const cases: [string, string | undefined][] = [
      ['said Hale’s deputy crew manager, Ivo Marsh, who ran the 2019 regatta.', 'Ivo Marsh'],
      ['said another user of the forum, Ana Ruiz.', 'Ana Ruiz'],
      ['said his oldest friend at Leeds, Cal Penrose, who later built boats.', 'Cal Penrose'],
      ['wrote the harbour master at the time, Ida Quarry.', 'Ida Quarry'],
      ['said the mayor, Monday.', undefined],
    ];
    for (const [after, speaker] of cases) {
      const text = `Tom Hale spoke first.\n\nA crowd gathered. “We will paint every hull,” ${after}`;
      assert.deepEqual(quotes(text).map(([, s]) => s), [speaker], after);
    }
  });

  it('reads a hyphenated title ("Secretary-Treasurer") as a title, so the name after it is the person, not part of an organisation', () => {
    const text = 'Tom Hale spoke first. “We will paint every hull,” said United Net Menders Secretary-Treasurer Oren Castle.';
    assert.deepEqual(quotes(text), [['We will paint every hull,', 'Oren Castle']]);
  });

  it('gives words after "<Name> of <Place>, <apposition>, said" to the name, not to the unnamed-looking apposition ("an ally of …")', () => {
    const text = 'The crews gathered on Thursday.\n\nSkipper Jon Wren of Eastby, a friend of the harbour board, said on the slipway that his main doubt about Hale is that he is “too keen on speed.” Still, Hale is “a born racer,” Wren said.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Jon Wren', 'Jon Wren']);
  });

  it('takes a surname the text never writes in full for a person when it speaks alone elsewhere ("Hale said"), not a place ("in Northport") nor a word capitalized only where a sentence starts; a town that speaks is a speaker', () => {
    const text = 'The regatta in the bay ended late. The crews waited for an hour, Hale said later.\n\nIndeed, Hale told the Courier that Ada Brook “rowed like a crab with a grudge against the sea.”';
    assert.deepEqual(quotes(text), [['rowed like a crab with a grudge against the sea.', 'Hale']]);
    const place = 'The talks were held in Northport this week. Northport said it would not sign. Later, Northport told the Courier that the treaty was “a trap for the small towns.”';
    // Not a person's surname: "Later, Northport told" names no one. But "Northport said …" opens its sentence right before the
    // cue, and a town that speaks is a speaker as governments are; the quote carries that speaker on.
    assert.deepEqual(quotes(place), [['a trap for the small towns.', 'Northport']]);
    assert.deepEqual(quotes(place.replace('Northport said it would not sign. ', '')), [['a trap for the small towns.', undefined]]);
    const opening = 'The match ended level. Replays suggested the contact began outside the area.\n\nReplays showed that the tackle was, in the words of one pundit, “a clear foul.”';
    assert.ok(!suggestAnnotations(opening).some((s) => s.speaker === 'Replays'), JSON.stringify(suggestAnnotations(opening)));
  });

  it('gives a quote to whoever reports it when the cue\'s clause ends "according to <source>" (PolNeAR\'s reading too)', () => {
    const cases: [string, string][] = [
      ['Hale said on the quay on Monday, according to a recording shared by Harbour Public Radio.', 'Harbour Public Radio'],
      ['Hale said at the boathouse, according to the Northport Sun.', 'Northport Sun'],
      ['Hale said, according to Ada Brook.', 'Ada Brook'],
      ['Hale said at the boathouse.', 'Tom Hale'],
    ];
    for (const [after, speaker] of cases) assert.deepEqual(quotes(`Tom Hale spoke at the rally. “We will win this,” ${after}`).map(([, s]) => s), [speaker], after);
  });

  it('gives the words of a person\'s own document to the person ("a newsletter sent out by Ruiz set out", "Ruiz’s letter to his crew notes")', () => {
    const sent = 'Ben Ruiz rowed again. Meanwhile, a newsletter sent out by Ruiz on Friday set out the plan: "Three races, two boats and one cracked oar."';
    assert.deepEqual(quotes(sent).map(([, speaker]) => speaker), ['Ben Ruiz']);
    const own = 'Ben Ruiz spoke first.\n\nRuiz’s weekly letter to his crew notes that Ada Brook, who steers the rival boat, “is the best cox on this coast.”';
    assert.deepEqual(quotes(own).map(([, speaker]) => speaker), ['Ben Ruiz']);
    const report = 'Ben Ruiz spoke first. A report by the Harbour Trust on Tuesday said the town was “running out of time.”';
    assert.notDeepEqual(quotes(report).map(([, speaker]) => speaker), ['Ben Ruiz']);
  });

  it('gives marked words joined by "and" to the next marked words the speaker of those ("“a gift” and “a marvel,” Brook said")', () => {
    const text = 'Tom Hale spoke at the harbour dinner.\n\nThe new breakwater is “a gift to every skipper” and “the best thing built here in a century,” Ada Brook, the former harbour master, proclaimed to the hall.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook', 'Ada Brook']);
  });

  it('reads no title across a full stop ("… the director. Rivals are “…,” she said" is not "Director Rivals")', () => {
    const text = 'The new boats were paid for by the regatta, said Nell Sorensen, the director. Rivals are “patching old hulls with tape and hope,” she said.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Nell Sorensen']);
  });

  it('reads a capitalized past tense after an apposition\'s comma as the cue ("“…!” Hale, the club\'s captain, Tweeted on Friday")', () => {
    const text = 'Tom Hale rowed for Eastby.\n\n“Not our boat, but what a finish!” Hale, the captain of the Eastby club, Tweeted on Friday with a photo of the race.';
    assert.deepEqual(quotes(text), [['Not our boat, but what a finish!', 'Tom Hale']]);
  });

  it('never reads "One" as a name ("One local blog", "Day One")', () => {
    const text = 'Ada Brook spoke first. “From Day One, the ferry was my priority,” she said.\n\nOne local blog pictured Brook standing “alone by the ticket office in the rain.”';
    const speakers = quotes(text).map(([, speaker]) => speaker);
    assert.equal(speakers.length, 2);
    assert.ok(!speakers.includes('Day One'), String(speakers));
  });

  it('never takes an organisation for whom "she said" means, even when it spoke last', () => {
    const text = 'Dana Holt spoke on Monday.\n\nThe Harbour Gazette reported that she might step down before the summer.\n\nShe laughed at the idea. “I have never felt better,” she said.';
    assert.deepEqual(quotes(text), [['I have never felt better,', 'Dana Holt']]);
  });

  it('takes a name that modifies "campaign" for whose campaign it is, not for an organisation, nor a country after a preposition', () => {
    const text = '“It was a long night for all of us here,” the Brook campaign said in the United States.';
    assert.deepEqual(quotes(text), [['It was a long night for all of us here,', 'Brook’s campaign']]);
  });

  it('carries the speaker to an uncued quote in a later paragraph when nobody else is named in between', () => {
    const text = [
      '“The budget is tight this year,” said Marta Quell, the council treasurer.',
      '',
      'The council meets again in March to settle the figures for the coming year.',
      '',
      '“We cannot promise anything before the spring, and we will not try to.”',
    ].join('\n');
    assert.deepEqual(
      quotes(text).map(([, speaker]) => speaker),
      ['Marta Quell', 'Marta Quell'],
    );
  });

  it('does not carry a speaker past another person named in between', () => {
    const text = [
      '“The budget is tight this year,” said Marta Quell, the council treasurer.',
      '',
      'Jonas Pell, who chairs the finance committee, disagreed with her in the meeting.',
      '',
      '“We cannot promise anything before the spring, and we will not try to.”',
    ].join('\n');
    assert.deepEqual(
      quotes(text).map(([, speaker]) => speaker),
      ['Marta Quell', 'Jonas Pell'],
    );
  });

  it('finds the cue later in the sentence past a long relative clause', () => {
    const text = '“Prices went up again last month,” Valdo Ortiz, who runs a bakery on Elm Street and has done so for many years, said on a call.';
    assert.deepEqual(quotes(text), [['Prices went up again last month,', 'Valdo Ortiz']]);
  });

  it('takes the subject of a cue after an aside for the speaker, not a name inside the aside', () => {
    const text = 'Former mayor Omar Rendle, one of her backers, spoke first. Ida Crane lost in 2019.\n\nVance “can ask for a recount in every ward,” much as Crane did in 2019, Rendle added.';
    assert.deepEqual(quotes(text), [['can ask for a recount in every ward,', 'Omar Rendle']]);
  });

  it('gives each of several speakers in one paragraph their own quotes', () => {
    const text = '“We need more buses,” said Ada Brook. “The trains are full every morning,” said Tom Reed, a commuter. “Nothing will change soon,” Brook added.';
    assert.deepEqual(
      quotes(text).map(([, speaker]) => speaker),
      ['Ada Brook', 'Tom Reed', 'Ada Brook'],
    );
  });

  it('gives each quote of a list of voices to the name that signs it: after a dash, or on the line before', () => {
    const dashes = [
      'We asked voters in Leeds what they think of the plan.',
      '',
      '“I want to see the budget before I believe any of it.” — Maria Lopez, 34, nurse',
      '',
      '“It is the same promise we heard four years ago.” – Tom Reyes, 52',
      '',
      '"Nobody asked us, and we are the ones who will pay for it." -- Ana Ferro, student',
    ].join('\n');
    assert.deepEqual(quotes(dashes).map(([, speaker]) => speaker), ['Maria Lopez', 'Tom Reyes', 'Ana Ferro']);
    assert.deepEqual(suggestAnnotations(dashes).map((s) => s.rule), ['speaker after a dash', 'speaker after a dash', 'speaker after a dash']);
    const lines = ['We asked voters in Leeds what they think of the plan.', '', '1. Maria Lopez, 34', '', '“I want to see the budget before I believe any of it.”', '', 'Reyes, 52, a retired docker:', '', '“It is the same promise we heard four years ago.”'].join('\n');
    assert.deepEqual(quotes(lines).map(([, speaker]) => speaker), ['Maria Lopez', 'Reyes']);
    assert.equal(suggestAnnotations(lines)[0].why, 'the name on the line before, as in a list of voices');
  });

  it('gives a quote that is a paragraph of its own to the name signed after a dash on the line below (a fact-check\'s list of claims)', () => {
    const text = [
      'Ivo Marsh keeps the ledger of the harbour board.',
      '',
      '"The fee is a tax on boats, and nobody on the quay asked for it."',
      '',
      '- Brook.',
      '',
      'Brook has said so at every meeting since May.',
      '',
      '"The fee pays for the new slipway."',
      '',
      '— Tom Hale, harbour master',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The fee is a tax on boats, and nobody on the quay asked for it.', 'Brook'],
      ['The fee pays for the new slipway.', 'Tom Hale'],
    ]);
    // Not a dash that opens a sentence of its own, nor a quote that shares its paragraph.
    const sentence = ['"The fee is a tax on boats, and nobody asked for it."', '', '- Brook said so twice at the meeting on Monday night.'].join('\n');
    assert.deepEqual(quotes(sentence), [['The fee is a tax on boats, and nobody asked for it.', undefined]]);
    const shared = ['Ivo Marsh spoke. "The fee is a tax on boats, and nobody asked for it."', '', '- Brook.'].join('\n');
    assert.notDeepEqual(quotes(shared)[0][1], 'Brook');
  });

  it('reads a hyphen set right against the name below a quote as a signature too (a notebook\'s quotes of the day)', () => {
    const text = [
      'Ada Brook opened the regatta at noon.',
      '',
      '"Best race of the year. The crews never gave up."',
      '',
      '-Tom Hale, writing on the club board after the final.',
      '',
      '"The old boats deserve a rest."',
      '',
      '-Nerys Quill, Eastby.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['Best race of the year. The crews never gave up.', 'Tom Hale'],
      ['The old boats deserve a rest.', 'Nerys Quill'],
    ]);
    // A hyphen before a word in lower case signs nothing.
    const lower = ['Ada Brook opened the regatta at noon.', '', '"Best race of the year. The crews never gave up."', '', '-written on the club board.'].join('\n');
    assert.notDeepEqual(quotes(lower)[0][1], 'written');
  });

  it('reads a horizontal bar (―, the quotation dash some outlets print for every dash) as a signing dash, and a full stop after the name', () => {
    const text = [
      'Rowers on the pier shared their hopes for the regatta.',
      '',
      '“The harbour has never looked better for a race.”― Ada Brook',
      '',
      '“We will row whatever the weather brings.” ― Tom Hale .',
      '',
      '“Nobody at the boathouse was asked first.” ― Ben Ruiz, boathouse keeper',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook', 'Tom Hale', 'Ben Ruiz']);
    assert.deepEqual(suggestAnnotations(text).map((s) => s.rule), ['speaker after a dash', 'speaker after a dash', 'speaker after a dash']);
    // Signed quotes have no train rate of their own: as sure as one whose cue names the speaker.
    const cued = suggestAnnotations('“We will row whatever the weather brings,” said Tom Hale.')[0];
    assert.ok(suggestAnnotations(text).every((s) => s.confidence === cued.confidence && cued.confidence! > 0.8));
  });

  it('knows a surname as a person when the full name is written only as a modifier ("the Ben Marsh campaign")', () => {
    const text = [
      'Ada Brook spoke first. “We can win this,” she said.',
      '',
      'Posters for the Ben Marsh campaign hang in every boathouse window.',
      '',
      'Down at the pier, Marsh spent an hour on the timing of the heats, adding: “Nobody rows before the bell, whatever the tide does.”',
    ].join('\n');
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook', 'Ben Marsh']);
  });

  it('takes "he" set off by commas before a cue as the cue\'s subject, not as a role describing the name before it', () => {
    const text = 'Ben Ruiz, the club treasurer, spoke first. “We can afford a new boat,” he said. The harbour master, Ana Penrose, will set the new fees in May, and that, he warned, would be “a blow to every small crew on the river.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ben Ruiz', 'Ben Ruiz']);
  });

  it('gives a cue after "but" the subject of its sentence, as after "and"', () => {
    const text = 'Ada Brook listened to Tom Hale for an hour but described the plan as “a floating car park for yachts” afterwards.';
    assert.deepEqual(quotes(text), [['a floating car park for yachts', 'Ada Brook']]);
  });

  it('gives an uncued quote after a colon to the subject of the sentence that leads to it', () => {
    const text = 'Ada Brook spoke first. “We can afford a new boat,” she said.\n\nThe board met on Monday. The view from the treasurer Ben Ruiz and the captain Tom Hale: “The club can pay for the new pier without a loan.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook', 'Ben Ruiz']);
  });

  it('gives a cue in a relative clause to the name that follows the relative, not to the name it refers back to', () => {
    const text = 'Tom Hale has few friends at the boathouse. Ben Ruiz trains the juniors there, unlike Ada Brook, whom Ruiz has often called “the worst coach the club ever had.”';
    assert.deepEqual(quotes(text), [['the worst coach the club ever had.', 'Ben Ruiz']]);
  });

  it('gives a participle right after another cue ("Brook said, adding") to that cue\'s speaker, not to the first name of the sentence', () => {
    const text = 'The fair moves to the pier in June, after complaints from Tom Hale about the noise, Ada Brook said, adding, “Nobody will have to choose between the fair and the regatta.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ada Brook']);
  });

  it('reads "pressed" and "opined" as speech cues, and a name ending in "Jr." before its apposition', () => {
    assert.deepEqual(quotes('Tom Hale took questions on the pier. “The race goes ahead,” Hale said. “And if a gale blows in on Saturday?” Ada Brook pressed.').map(([, speaker]) => speaker), ['Tom Hale', 'Ada Brook']);
    assert.deepEqual(quotes('Ben Ruiz spoke first. “We will row,” Ruiz said. “The new mooring fee is a mistake the town will regret,” opined the Northport Gazette.').map(([, speaker]) => speaker), ['Ben Ruiz', 'Northport Gazette']);
    const [[, junior]] = quotes('The regatta was delayed twice this year.\n\n“The river is ready for the race, and the crews are ready too,” Tom B. Hale Jr., a rower for forty years, told the crews.');
    assert.match(junior ?? '', /^Tom (?:B\. )?Hale Jr\.?$/u);
  });

  it('gives words to a named person\'s office or family, as to their campaign or spokesman', () => {
    const text = 'Tom Hale runs the harbour.\n\n“The moorings will be repaired by June,” Hale’s office told the Northport Gazette.';
    assert.deepEqual(quotes(text), [['The moorings will be repaired by June,', 'Tom Hale’s office']]);
  });

  it('leaves a cue that comes a few words into the next sentence to that sentence, not to a quote that ended with a full stop', () => {
    const text = 'Tom Hale said on Sunday that Ben Ruiz was “a poor sailor” and “a cheat.” Still, he spared Ada Brook, describing her as a “fine skipper.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Hale', 'Tom Hale', 'Tom Hale']);
  });

  it('gives a cue after "and" that follows a quote to the subject of the quote\'s sentence ("X wants “…” and warned …")', () => {
    const text = 'Ada Brook and Tom Hale met the crews on Friday.\n\nHale agreed, and turned to the crews: "The board has ignored the rowers for years. That is wrong."\n\nBrook wants "a fair mooring fee" and warned of the storms to come: "We lost six boats in one night."';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Hale', 'Ada Brook', 'Ada Brook']);
  });

  it('gives the words of a group named by a plural noun ("several rowers", "some backers of the fee") to an unnamed source, and a surname in -ers to its person', () => {
    const text = 'Tom Hale backs the new mooring fee.\n\nSeveral rowers said the fee was “a disgrace.” Some backers of the fee, however, say the harbour will be “safe and open.”\n\n“We row at noon,” Ana Peters said.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['unnamed source', 'unnamed source', 'Ana Peters']);
  });

  it('reads a month that is also a first name before a surname as a name ("April Brook"), not in a date ("a June Hale rally", "In May Tom Hale")', () => {
    const named = 'The regatta opens on Friday.\n\nApril Brook, a spokeswoman for the Harbour Trust, said the crews would work with the coastguard “to keep the river safe for all.”';
    assert.deepEqual(quotes(named), [['to keep the river safe for all.', 'April Brook']]);
    const dated = 'Tom Hale spoke at a June Hale rally by the pier. In May Tom Hale said the fee was “a tax on small boats.”';
    assert.deepEqual(quotes(dated), [['a tax on small boats.', 'Tom Hale']]);
  });

  it('takes "a nurse named Ana Ruiz" for Ana Ruiz when a later pronoun means her, not for an unnamed source', () => {
    const text = 'The new ward opened on Monday.\n\nA nurse named Ana Ruiz spoke warmly of the new ward. “The pay is fair,” she said.';
    assert.deepEqual(quotes(text), [['The pay is fair,', 'Ana Ruiz']]);
  });

  it('reads past an aside between commas ("…’s team, for its part, said") to the subject before it', () => {
    const text = 'Ana Ruiz spoke on Monday.\n\nRuiz’s team, for its part, said the regatta had been “a fair fight” and “a fine day on the water.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Ana Ruiz’s team', 'Ana Ruiz’s team']);
  });

  it('takes an indefinite description right before the cue, with no comma after it, for the speaker, not for an apposition ("Ruiz, a crew official said, “…”")', () => {
    const text = 'Ana Ruiz will race on Sunday.\n\nRuiz, a crew official said, “is ready for any weather the river brings.”\n\nTom Hale, a rower, said the course was “fair.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['unnamed source', 'Tom Hale']);
  });

  it('does not take a surname\'s form written only inside quoted words ("a sign that read “Tyrant Hale”") for its fullest name', () => {
    const text = 'Tom Hale spoke at the pier on Friday. One man in the crowd held a sign that read “Tyrant Hale” as others booed.\n\n“Get off my pier,” Hale said.';
    assert.deepEqual(quotes(text).filter(([, speaker]) => speaker !== undefined), [['Get off my pier,', 'Tom Hale']]);
  });

  it('gives words to the name in apposition to a possessive\'s role ("Hale’s deputy for the quays, Ben Ruiz, …, writing"), a first name alone too', () => {
    const director = 'Tom Hale runs the harbour. Hale’s deputy for the quays, Ben Ruiz, answered the rowers on Monday, writing on the club’s board: “The slipway opens at dawn and closes at dusk.”';
    assert.deepEqual(quotes(director), [['The slipway opens at dawn and closes at dusk.', 'Ben Ruiz']]);
    const son = 'Tom Hale runs the harbour. Hale’s nephew, Ivo, spoke at the quay after the race, saying: “My uncle rows better than anyone in the town.”';
    assert.deepEqual(quotes(son), [['My uncle rows better than anyone in the town.', 'Ivo']]);
  });

  it('does not take a title in quotation marks inside a relative clause for the subject ("Marsh, whose guide “Tidal Drift,” …, told")', () => {
    const text = 'Ivo Marsh teaches navigation at the sailing school. "We need more buoys in the bay," he said.\n\nMarsh, whose guide "Tidal Drift," sold well last summer, told the club it had "lost its nerve on the water" this year.';
    assert.deepEqual(quotes(text).pop(), ['lost its nerve on the water', 'Ivo Marsh']);
  });

  it('gives a participle after a comma inside a closing mark the sentence\'s subject ("… in the Gazette’s “Letters,” calling …")', () => {
    const text = 'Tom Hale runs the harbour. Ana Penrose, who rows with Hale, attacked the fee in the Gazette’s “Letters,” calling the plan a “disgrace to the whole town.”';
    assert.deepEqual(quotes(text), [['disgrace to the whole town.', 'Ana Penrose']]);
  });

  it('gives a quote after "As Tidewatch reported," to the one named after "as", a lone name too', () => {
    const text = 'Ben Ruiz spoke first. “We row at noon, and we always will,” Ruiz said.\n\nAfter the regatta, a party was held. As Tidewatch reported, “the quay was packed long before the first boat came in.”';
    assert.deepEqual(quotes(text).pop(), ['the quay was packed long before the first boat came in.', 'Tidewatch']);
  });

  it('does not take a preposition that opens a sentence for a first name ("Outside Brightwater’s boathouse"), so a later "he" keeps its person', () => {
    const text = 'Tom Hale has rowed for Brightwater since he was a boy. “The river is kind to us this year,” he said.\n\nOutside Brightwater\'s boathouse on Mill Lane, a queue formed before dawn.\n\nAs for the regatta, “it is the best day of the summer,” he said.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Hale', 'Tom Hale']);
  });

  it('does not take a sea, a strait or a state for the person a pronoun means ("the North Ada Sea", "Harbour Studies")', () => {
    const text = 'Tom Hale, the admiral, sailed the North Ada Sea all week. Ice had closed the North Ada Sea to small boats by Friday, and he said so.\n\n“We will keep the channel open for the ferries,” he said.';
    assert.deepEqual(quotes(text), [['We will keep the channel open for the ferries,', 'Tom Hale']]);
  });

  it('gives words to a named person\'s team when it is the subject of a clause that goes on to a participle cue, and to "some" of their allies', () => {
    const text = 'Tom Hale runs the harbour.\n\nHale’s team dismissed the board’s figures on Friday, writing in a memo, “The sums do not add up.”';
    assert.deepEqual(quotes(text), [['The sums do not add up.', 'Tom Hale’s team']]);
    assert.deepEqual(quotes('Ana Penrose spoke on Monday.\n\n“It is a fair deal,” some Penrose allies said.'), [['It is a fair deal,', 'Ana Penrose’s allies']]);
  });

  it('leaves a cue after a quote to the next quote when its clause opens one, and keeps the cue before', () => {
    const text = 'Tom Hale has called the new mooring fee “a tax on small boats,” while Ada Brook says it is “long overdue.”';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Tom Hale', 'Ada Brook']);
  });

  it('gives a quote that opens a paragraph to the subject of the paragraph before when that ends with a colon', () => {
    const text = 'The speech by Mayor Ada Holm was long. Tom Reyes was in the hall.\n\nShe turned to the crowd, to cheers:\n\n“No one in this town knows the harbour better than the people in this hall.”';
    assert.deepEqual(quotes(text), [['No one in this town knows the harbour better than the people in this hall.', 'Ada Holm']]);
    assert.equal(suggestAnnotations(text)[0].rule, 'speaker introduced before a colon');
  });

  it('gives each line of a quoted transcript to the speaker its label names, by the fullest name the text uses, and leaves the label out of the quote', () => {
    const text = [
      'The harbour master, Tom Hale, took questions from Ada Brook of the Northport Sun on the pier.',
      '',
      '“BROOK: Will the regatta go ahead if the storm arrives on Saturday?',
      '',
      '“HALE: We row at noon, whatever the tide does, and nobody has told me otherwise.',
      '',
      '“VIDEO: Boats leaving the harbour at dawn, filmed from the pier.',
      '',
      '“HM COASTGUARD: Small craft should stay in port until the wind drops.',
      '',
      '“Q: Is that your last word on the subject?”',
    ].join('\n');
    const found = suggestAnnotations(text).filter((s) => s.kind === 'quote');
    assert.deepEqual(
      found.map((s) => [s.text.slice(0, 12), s.speaker, s.rule]),
      [
        ['Will the reg', 'Ada Brook', 'speaker labelled in a transcript'],
        ['We row at no', 'Tom Hale', 'speaker labelled in a transcript'],
        // A stage direction names nobody: the line goes on as the transcript's last speaker's.
        ['VIDEO: Boats', 'Tom Hale', 'continuation of the previous quote'],
        ['Small craft ', 'HM Coastguard', 'speaker labelled in a transcript'],
        ['Q: Is that y', 'HM Coastguard', 'continuation of the previous quote'],
      ],
    );
    assert.equal(found[0].why, 'a transcript’s label before the words names the speaker');
    assert.deepEqual(quotes('“FBI: We do not comment on open inquiries, and will not do so now.”'), [['We do not comment on open inquiries, and will not do so now.', 'FBI']]);
  });

  it('does not take a sentence after a dash, a lone word on a line, or a listed title for a signature', () => {
    const text = [
      'Ada Brook spoke to the council on Monday about the buses.',
      '',
      '“Why does the council keep giving them so much ammunition?” — Leeds Democrats were unmoved by the answer.',
      '',
      'Wait, it gets better:',
      '',
      '“By law, the council sets the fares every year and nobody else does.”',
      '',
      'Harbour Nights',
      '',
      '“Harbour Lights”',
    ].join('\n');
    const found = suggestAnnotations(text).filter((s) => s.kind === 'quote');
    assert.equal(found.some((s) => s.rule === 'speaker after a dash' || s.rule === 'speaker on the line before'), false);
    assert.equal(found.some((s) => s.speaker === 'Leeds Democrats' || s.speaker === 'Wait' || s.speaker === 'Harbour Nights'), false);
  });

  it('does not take a capitalized sentence opener or an abbreviated title for a name', () => {
    const text = 'Rep. Nora Vance spoke first. Though Vance was brief, she was clear: “We will vote against the bill tomorrow.”';
    assert.deepEqual(quotes(text), [['We will vote against the bill tomorrow.', 'Nora Vance']]);
  });
  it('takes an indefinite description for an unnamed source, capitalized or one word long ("One rower", "A boy")', () => {
    const text = [
      'One rower described the course as “a long swim in cold water.”',
      '',
      'A boy shouted, “Row faster!”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['a long swim in cold water.', 'unnamed source'],
      ['Row faster!', 'unnamed source'],
    ]);
  });

  it('finds the subject of a cue in its own clause, after "when" or a conjunction that opens it', () => {
    const text = [
      'The race had just begun when a small girl on the pier called out, “Pull together!”',
      '',
      '“The course is hard,” added one member of the club. Yet another said, “the boathouse needs a new roof” before winter.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['Pull together!', 'unnamed source'],
      ['The course is hard,', 'unnamed source'],
      ['the boathouse needs a new roof', 'unnamed source'],
    ]);
  });

  it('finds the subject of a cue before the verbs that lead to it ("He went on to say")', () => {
    const text = 'Tom Hale, the harbour master, wrote about his years on the quay. He went on to say, “The harbour was never busier than in the summer of the flood.”';
    const [quote] = suggestAnnotations(text).filter((s) => s.kind === 'quote');
    assert.equal(quote.speaker, 'Tom Hale');
    assert.equal(quote.rule, 'paired marks', 'the cue’s own subject, not a person named earlier in the paragraph');
  });

  it('takes the subject after "as" for marked words a clause after them attributes (", as Hale’s spokeswoman noted")', () => {
    const text = 'Brook rows in a “borrowed” boat this season, as Hale’s spokeswoman noted at the club dinner.';
    assert.deepEqual(quotes(text), [['borrowed', 'Hale’s spokeswoman']]);
  });

  it('takes the agent of a passive cue after the quote ("– as described by harbour master Tom Hale –"), not one in the next sentence', () => {
    const text = [
      'Leaving the oars “out in the rain” – as described by harbour master Tom Hale – is the charge against the club.',
      '',
      'Ada Brook says the club will “buy two new boats.” The plan was announced by the Gazette on Monday.',
      '',
      'The crews were “tired but proud” - as described by Ana Ruiz-Penrose - after the race.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['out in the rain', 'Tom Hale'],
      ['buy two new boats.', 'Ada Brook'],
      ['tired but proud', 'Ana Ruiz-Penrose'],
    ]);
  });

  it('gives marked words to the adviser, not to the name that says whose adviser he is ("Hale adviser Ben Ruiz mocked …")', () => {
    const text = 'Tom Hale won the regatta in May. Hale adviser Ben Ruiz mocked “the weekend sailors” in his column.';
    assert.deepEqual(quotes(text), [['the weekend sailors', 'Ben Ruiz']]);
  });

  it('does not take a name that only says whose adviser someone is for the one "he said" means', () => {
    const text = [
      '“We will win the regatta,” Tom Hale said.',
      '',
      'Hale adviser Ben Ruiz, the longest-serving coach at the club, picked up the same thread at the time. “The crews believe they can win,” he said.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We will win the regatta,', 'Tom Hale'],
      ['The crews believe they can win,', 'Ben Ruiz'],
    ]);
  });

  it('gives marked words to the name a relative clause follows when the cue is that clause\'s verb ("Tom Hale, who has called the plan “…”")', () => {
    const text = [
      '“We will fight the plan,” Ben Ruiz said on Monday.',
      '',
      'Tom Hale and Ada Brook spoke at the club on Friday.',
      '',
      'Compare that with Hale, who has called the new mooring plan “a folly,” and Brook, who says it is “long overdue.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We will fight the plan,', 'Ben Ruiz'],
      ['a folly,', 'Tom Hale'],
      ['long overdue.', 'Ada Brook'],
    ]);
  });

  it('gives marked words to a document described with what was done to it or when ("a Tidewatch poll released Monday found")', () => {
    const text = [
      'Tom Hale spoke at the club on Sunday.',
      '',
      'A Tidewatch poll released Monday found that “most rowers want a lower fee.”',
      '',
      'A harbour board report issued earlier this year said the quay was “unsafe for boats.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['most rowers want a lower fee.', 'a Tidewatch poll released Monday'],
      ['unsafe for boats.', 'a harbour board report issued earlier this year'],
    ]);
  });

  it('gives marked words to a description followed by a long relative clause before the cue, not to whoever spoke before', () => {
    const text = [
      'The Gazette reported on Thursday that “divers have found a second wreck off the pier.”',
      '',
      '“Nobody expected the wreck to be so close to the ferry lane,” a harbour official, who would give only her first name to the paper, told the Gazette.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['divers have found a second wreck off the pier.', 'Gazette'],
      ['Nobody expected the wreck to be so close to the ferry lane,', 'unnamed source'],
    ]);
  });
  it('resolves a subject pronoun that auxiliaries or adverbs part from its cue ("She has also called", "he’s predicting")', () => {
    const text = [
      '“The river is ready,” Tom Hale said on Monday.',
      '',
      'Ada Brook has backed the boathouse for months, and Ben Ruiz has not. She has also called the plan “the best thing for the quay in years.”',
      '',
      '“The fees are fine,” Ivo Marsh, a rower, told Nerys Quill, the club’s treasurer. She’s predicting that the club will “run out of members by June.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The river is ready,', 'Tom Hale'],
      ['the best thing for the quay in years.', 'Ada Brook'],
      ['The fees are fine,', 'Ivo Marsh'],
      ['run out of members by June.', 'Nerys Quill'],
    ]);
  });

  it('does not take the verb of a question asked of someone for her cue ("Asked what she would say …, she laughed")', () => {
    const text = 'Ada Brook rows at dawn. Asked what she would say to the rowers who walked out, she laughed. “Come back for the storm,” she said.';
    const suggestions = suggestAnnotations(text);
    assert.deepEqual(suggestions.filter((s) => s.kind === 'claim'), []);
    assert.deepEqual(quotes(text), [['Come back for the storm,', 'Ada Brook']]);
  });

  it('carries no man’s name to a quote whose own cue says "she" of someone the text does not name', () => {
    const text = [
      '“We will win,” Tom Hale said on Monday.',
      '',
      'His wife offered a preview of his thinking in an interview with the Gazette.',
      '',
      '“If he wins, he wants to keep the club going,” she said.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We will win,', 'Tom Hale'],
      ['If he wins, he wants to keep the club going,', undefined],
    ]);
  });

  it('gives an uncued quote in a sentence to the sentence’s subject, not to the last name before the marks', () => {
    const text = ['“We row at dawn,” Ben Ruiz said.', '', 'Ada Brook is praising Tom Hale, who left the board on Saturday, as “a man who never missed a race.”'].join('\n');
    assert.deepEqual(quotes(text), [
      ['We row at dawn,', 'Ben Ruiz'],
      ['a man who never missed a race.', 'Ada Brook'],
    ]);
  });

  it('does not give "she" to a man when nobody within reach fits: the nearest name that may be hers', () => {
    const text = [
      '“The river is ready,” Tom Hale said on Monday.',
      '',
      'Ada Brook has backed the boathouse for months, and Ben Ruiz has not. She called the plan “the best thing for the quay in years.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The river is ready,', 'Tom Hale'],
      ['the best thing for the quay in years.', 'Ada Brook'],
    ]);
  });

  it('gives a reported clause to people a cue’s subject describes ("Leaders of the club have said that …"), not an object of an act', () => {
    const text = [
      'Leaders of the rowing club have said that the new fees will drive the junior crews away.',
      '',
      'The harbour masters of Eastby and Northport have agreed the outline of a deal on the shared quay.',
      '',
      'Replays suggested the boat crossed the line first, and there was very little in it.',
    ].join('\n');
    assert.deepEqual(
      suggestAnnotations(text).map((s) => [s.kind, s.text, s.speaker]),
      [['claim', 'the new fees will drive the junior crews away', 'Leaders of the rowing club']],
    );
  });

  it('gives quoted words to people a cue’s subject describes ("Leaders of the club have said"), not to whoever spoke before', () => {
    const text = [
      '“We cannot keep the quay open at these prices,” Tom Hale, the harbour master, said on Monday.',
      '',
      'Leaders of the rowing club have said they invite every crew to race to ensure that “all boats get a fair start at the line.”',
      '',
      'Multiple outlets reported on Wednesday that the board had “more than one talk” with the club.',
      '',
      'About four in 10 rowers say that the new fee is “a tax on early mornings.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We cannot keep the quay open at these prices,', 'Tom Hale'],
      ['all boats get a fair start at the line.', 'Leaders of the rowing club'],
      ['more than one talk', 'multiple outlets'],
      ['a tax on early mornings.', 'unnamed source'],
    ]);
  });

  it('gives an uncued quote to its own sentence’s subject, not to a speaker carried from a paragraph before', () => {
    const text = [
      '“The fees will rise in June,” Tom Hale said.',
      '',
      'The Harbour Trust answered a week later. The Kestrel Rowing Club was blunt in its findings: “Further talk on this is pointless.”',
      '',
      'Hale did not reply. “We will see,” he said later.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The fees will rise in June,', 'Tom Hale'],
      ['Further talk on this is pointless.', 'Kestrel Rowing Club'],
      ['We will see,', 'Tom Hale'],
    ]);
  });

  it('reads "Long before …," or "Days after …," as a leading clause, so marked words go to the subject after it', () => {
    const long = 'Long before Ada Brook took the chair, Tom Hale was ending his club letters with the same reminder: “Check the tide tables.”';
    assert.deepEqual(quotes(long), [['Check the tide tables.', 'Tom Hale']]);
    const years = 'Years before the club hired Ada Brook, Tom Hale was ending his letters with the same reminder: “Check the tide tables.”';
    assert.deepEqual(quotes(years), [['Check the tide tables.', 'Tom Hale']]);
  });

  it('gives marked words to the sentence’s subject when the cue after them is a participle after a named object ("praised X, asking …")', () => {
    const text = 'Nerys Quill stood up with the first rulebook of the club (“no boat leaves the quay alone”) and then praised Ivo Marsh at length, asking the members to keep him as captain.';
    assert.deepEqual(quotes(text), [['no boat leaves the quay alone', 'Nerys Quill']]);
  });

  it('takes whatever "according to" names for the source, a word named nowhere else or written in mixed capitals too', () => {
    const text = [
      '“We row at dawn,” Tom Hale said.',
      '',
      'According to Tidewatch: “Most crews on the east coast now train twice a day in the summer.”',
      '',
      'According to HarbourNet, the new slipway will open well before the autumn regatta.',
    ].join('\n');
    assert.deepEqual(quotes(text).pop(), ['Most crews on the east coast now train twice a day in the summer.', 'Tidewatch']);
    const claims = suggestAnnotations(text).filter((s) => s.kind === 'claim');
    assert.deepEqual(
      claims.map((c) => [c.text, c.speaker]),
      [['the new slipway will open well before the autumn regatta', 'HarbourNet']],
    );
  });

  it('gives marked words to a description after "whom" or "which" when it is the cue’s subject, not to the name the clause follows', () => {
    const member = '“We row at dawn,” Tom Hale said.\n\nThe new cox, Ben Ruiz, whom a longtime member called “the loudest voice on the river,” starts in May.';
    assert.deepEqual(quotes(member).pop(), ['the loudest voice on the river,', 'unnamed source']);
    const inspectors = '“We row at dawn,” Tom Hale said.\n\nNobody expected the new slipway, which the harbour inspectors described as “a danger to every crew,” to open so soon.';
    assert.deepEqual(quotes(inspectors).pop(), ['a danger to every crew,', 'unnamed source']);
  });

  it('gives marked words after "in the words of X," to X, a description too, not to the sentence’s subject', () => {
    const member = 'Ben Ruiz spoke first. Ada Brook was, in the words of one club member, “the best cox we ever had.”';
    assert.deepEqual(quotes(member).pop(), ['the best cox we ever had.', 'unnamed source']);
    const named = 'Ben Ruiz spoke first. Ada Brook was, in the words of Ivo Marsh, “the best cox we ever had.”';
    assert.deepEqual(quotes(named).pop(), ['the best cox we ever had.', 'Ivo Marsh']);
  });

  it('gives marked words to an organisation that opens the main clause, not to a person its sentence names later', () => {
    const board = 'Ben Ruiz spoke first.\n\nAfter a long season, the Eastby Harbour Board sided with Tom Hale’s crew over the mooring fees and rated the old rules “simply unfair.”';
    assert.deepEqual(quotes(board).pop(), ['simply unfair.', 'Eastby Harbour Board']);
    // An organisation and a person together: the person, as before.
    const both = 'Ben Ruiz spoke first.\n\nThe Eastby Harbour Board and Tom Hale sided with the crews over the mooring fees and rated the old rules “simply unfair.”';
    assert.deepEqual(quotes(both).pop(), ['simply unfair.', 'Tom Hale']);
  });

  it('reads a second leading clause after the first ("At the last regatta, when Hale lost, Brook …") before the subject', () => {
    const text = 'Tom Hale and Ada Brook rowed together for years. At the last regatta, when Hale lost the final by a length, Brook walked down to the pier with a cup of tea, calling it “the best race of the year.”';
    assert.deepEqual(quotes(text), [['the best race of the year.', 'Ada Brook']]);
  });

  it('reads a time that opens a sentence ("Eight years ago,", "Last week,") as a leading phrase, so a pronoun after it is the subject', () => {
    const text = 'Ivo Marsh has rowed for Eastby since 2010.\n\nEight years ago, he backed Tom Hale for captain and said, “The club needs a new captain.”';
    assert.deepEqual(quotes(text), [['The club needs a new captain.', 'Ivo Marsh']]);
  });

  it('reads a pronoun after a cue as its subject only when nothing of a clause follows it ("…,” said she." but not "said she “…”")', () => {
    const cueOf = (text: string) => findCues(text, 0, text.length)[0];
    const inverted = '“We row at dawn,” said she.';
    assert.equal(cuePronoun(inverted, cueOf(inverted)), 'she');
    const reported = 'The Gazette said she “played both sides” at the meeting.';
    assert.equal(cuePronoun(reported, cueOf(reported)), undefined);
  });

  it('gives a quote to the name that labels it after a dash and before a colon ("… – Tidewatch: “…”")', () => {
    const text = '“We row at dawn,” Tom Hale said.\n\nThe club’s own forecast held up better – Tidewatch: “Nine crews in ten finished inside the hour.”';
    assert.deepEqual(quotes(text).pop(), ['Nine crews in ten finished inside the hour.', 'Tidewatch']);
  });

  it('takes a first name alone in apposition to someone’s kin or role ("Ivo Marsh’s sister, Ana,") for the person a later "she" means', () => {
    const text = 'Nerys Quill opened the regatta on Saturday.\n\nIvo Marsh’s sister, Ana, rows for Northport. She joined the crew in May, and on Sunday she called the new boathouse “a palace for oars.”';
    assert.deepEqual(quotes(text), [['a palace for oars.', 'Ana']]);
  });

  it('takes a first name in apposition after "his" or "her" and a kin noun ("his daughter, Mia,") for the person a later "she" means', () => {
    const text = 'Tom Hale won the single sculls again this year.\n\nAt the prize-giving, his daughter, Mia, stood by the trophy table. “He trains in the dark every morning,” she said.';
    assert.deepEqual(quotes(text), [['He trains in the dark every morning,', 'Mia']]);
  });

  it('gives words to a first name in apposition to someone’s kin when it is the cue’s subject ("his wife, Mia, said")', () => {
    const before = 'Tom Hale won the single sculls again this year. But his wife, Mia, said the club “will not last another winter.”';
    assert.deepEqual(quotes(before), [['will not last another winter.', 'Mia']]);
    const after = 'Tom Hale won the single sculls again this year. “He trains in the dark,” his wife, Mia, said.';
    assert.deepEqual(quotes(after), [['He trains in the dark,', 'Mia']]);
  });

  it('takes a word after a military or religious title ("Admiral", "Pastor", "Rabbi") for a person a later pronoun may mean', () => {
    const text = '“We row at dawn,” Ana Penrose said.\n\nPastor Quill keeps a tide chart behind his desk. “Boats that are ready fare better in a storm,” he said.';
    assert.deepEqual(quotes(text).pop(), ['Boats that are ready fare better in a storm,', 'Quill']);
  });

  it('gives marked words to whom "his" or "her" means before a noun for words ("his comments about “…”")', () => {
    const text = 'Ivo Marsh flew home to Eastby on Monday, and Ana Penrose met the crews.\n\nThe crews were polite, but his comments about “a much shorter season” upset the juniors.';
    assert.deepEqual(quotes(text), [['a much shorter season', 'Ivo Marsh']]);
  });

  it('takes a word a relative "who" follows ("Meanwhile Quilla, who won …,") for a person a later "she" may mean', () => {
    const text = '“Fees must rise,” Ana Penrose said of the boathouse.\n\nMeanwhile Quilla, who won the sculls on Sunday, spoke about rest. “The hardest thing is to stop rowing,” she said.';
    assert.deepEqual(quotes(text).pop(), ['The hardest thing is to stop rowing,', 'Quilla']);
  });

  it('gives a cue after two appositions to the name before both when the first ends in a preposition and a name ("…, chairman of Kestrel Partners, the club’s funding arm, said")', () => {
    const text = 'The club met on Monday.\n\nIvo Marsh, chairman of the board of Kestrel Partners, the club’s funding arm, said it would pay only if “the members vote for it at the meeting.”';
    assert.deepEqual(quotes(text), [['the members vote for it at the meeting.', 'Ivo Marsh']]);
    // One apposition: the name before it still speaks.
    const one = 'The club met on Monday.\n\nKestrel Partners, the club’s funding arm, said it would pay only if “the members vote for it at the meeting.”';
    assert.deepEqual(quotes(one), [['the members vote for it at the meeting.', 'Kestrel Partners']]);
  });

  it('takes a name in apposition to someone\'s title ("Eastby’s captain, Oren Vasko,") for a person a later "he" may mean, before a place the text makes speak', () => {
    const text = [
      'Rowing in Upper Kestrel',
      '',
      'Upper Kestrel has three clubs. Rowers say Upper Kestrel is the best water in the north.',
      '',
      'Eastby’s captain, Oren Vasko, plays down the worries. The quay is old, but repairs are good news, he says.',
      '',
      '“We should get on board that train,” he said in an interview.',
    ].join('\n');
    assert.deepEqual(quotes(text), [['We should get on board that train,', 'Oren Vasko']]);
  });

  it('gives marked words to whose possessive names them as words said ("Mr. Hale’s patronizing remark at a club dinner that …")', () => {
    const text = 'Tom Hale and Ada Brook raced in 2019. Brook lost partly because of Mr. Hale’s patronizing remark at a club dinner that she was “likable enough.”';
    assert.deepEqual(quotes(text), [['likable enough.', 'Tom Hale']]);
  });

  it('gives marked words after a denied cue ("cannot say that “…”") to the cue after them, not to who does not say them', () => {
    const text = 'Tom Hale spoke to the board. Ana Penrose cannot say that “from her seat” the race was fair, Hale added, saying it should be “up to the judges to decide.”';
    assert.deepEqual(quotes(text), [
      ['from her seat', 'Tom Hale'],
      ['up to the judges to decide.', 'Tom Hale'],
    ]);
    // With no cue after them, the denied cue's subject is still the one the sentence names.
    assert.deepEqual(quotes('Tom Hale spoke to the board. Hale never said “we will sell the old boats.”'), [['we will sell the old boats.', 'Tom Hale']]);
  });

  it('keeps lower-case particles and a hyphenated Arabic article inside a name ("Ana ter Horst", "Omar al-Marsh", "Ana van der Berg")', () => {
    for (const name of ['Ana ter Horst', 'Omar al-Marsh', 'Ana van der Berg', 'Ana del Rio', 'Rui dos Santos']) {
      assert.deepEqual(quotes(`The club met on Monday. “We will not pay for the new slipway,” said ${name}, a rower.`), [['We will not pay for the new slipway,', name]], name);
    }
    // A particle that ends the run is not part of the name.
    assert.deepEqual(quotes('The club met on Monday. “We will not pay for the new slipway,” said Ana Penrose ter.'), [['We will not pay for the new slipway,', 'Ana Penrose']]);
  });

  it('reads "and" and a pronoun after a comma as a clause of its own, not as a description of the name before the comma', () => {
    const text = 'Ada Brook has raced Tom Hale six times. She rarely talks about the races between her and Hale, and since 2019 she has often told his crew that “I only lost one race against your skipper.”';
    assert.deepEqual(quotes(text), [['I only lost one race against your skipper.', 'Ada Brook']]);
  });
});

describe('suggestAnnotations on news: confidence and the speaker registry', () => {
  it('gives every suggestion a confidence between 0 and 1 and a why; a carried speaker is less sure than a cued one', () => {
    const text = [
      '“The budget is tight this year,” said Marta Quell, the council treasurer.',
      '',
      'The council meets again in March to settle the figures for the coming year.',
      '',
      '“We cannot promise anything before the spring, and we will not try to.”',
    ].join('\n');
    const suggested = suggestAnnotations(text).filter((s) => s.kind === 'quote');
    for (const s of suggested) assert.ok(s.confidence! > 0 && s.confidence! <= 1 && s.why, JSON.stringify(s));
    assert.ok(suggested[0].confidence! > suggested[1].confidence!);
    assert.match(suggested[0].why!, /cue “said”/u);
  });

  it('is surer of a speaker carried within its paragraph than of one carried from a paragraph before', () => {
    const text = [
      '“The budget is tight this year,” said Marta Quell, the council treasurer. “Nobody likes it.”',
      '',
      'The council meets again in March to settle the figures for the coming year.',
      '',
      '“We cannot promise anything before the spring, and we will not try to.”',
    ].join('\n');
    const carried = suggestAnnotations(text).filter((s) => s.kind === 'quote' && s.speaker === 'Marta Quell').slice(1);
    assert.deepEqual(
      carried.map((s) => s.rule),
      ['continuation of the previous quote', 'speaker carried from a paragraph before'],
    );
    const withinParagraph = withConfidence({ ...carried[1], rule: 'speaker carried from before' });
    assert.ok(withinParagraph.confidence! > carried[1].confidence!, JSON.stringify([withinParagraph, carried[1]]));
    assert.match(carried[1].why!, /paragraph before/u);
  });

  it('names suggested speakers as the registry does: aliases, and a surname only one registered speaker has', () => {
    const registry = new SpeakerRegistry([
      { name: 'Marta E. Quell', aliases: ['Treasurer Quell'] },
      { name: 'Tom Reed', aliases: [] },
      { name: 'Ana Reed', aliases: [] },
    ]);
    assert.equal(registeredSpeaker('treasurer quell', registry), 'Marta E. Quell');
    assert.equal(registeredSpeaker('Marta Quell', registry), 'Marta E. Quell', 'initials aside, the same name');
    assert.equal(registeredSpeaker('Lena Quell', registry), 'Lena Quell', 'another Quell');
    assert.equal(registeredSpeaker('Quell', registry), 'Marta E. Quell');
    assert.equal(registeredSpeaker('Reed', registry), 'Reed', 'two registered Reeds: left alone');
    assert.equal(registeredSpeaker('Home Office', registry), 'Home Office');
    const text = '“The budget is tight this year,” Quell said.';
    assert.deepEqual(quotes(text, registry), [['The budget is tight this year,', 'Marta E. Quell']]);
  });
});
