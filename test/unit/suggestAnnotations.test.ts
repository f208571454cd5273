import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paragraphs } from '../../src/core/suggest/paragraphs';
import { sentences } from '../../src/core/suggest/sentences';
import { suggestAnnotations } from '../../src/core/suggest/suggestAnnotations';
import type { Suggestion } from '../../src/core/suggest/suggestion';

function of(text: string, kind: Suggestion['kind']): Suggestion[] {
  return suggestAnnotations(text).filter((s) => s.kind === kind);
}

function quotes(text: string): [string, string | undefined][] {
  return of(text, 'quote').map((q) => [q.text, q.speaker]);
}

function claimsWithSpeakers(text: string): [string, string | undefined][] {
  return of(text, 'claim').map((c) => [c.text, c.speaker]);
}

describe('suggestAnnotations: direct quotes', () => {
  it('pairs curly, straight and single marks; spans exclude the marks and keep the punctuation inside', () => {
    const text = [
      'The minister spoke on Monday.',
      '',
      '“We will not give up the talks,” Anna Berg said.',
      '',
      '"Nothing has been decided yet," said Tom Weller.',
      '',
      'Carla Mendes told the meeting: ‘This budget protects every library in town.’',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We will not give up the talks,', 'Anna Berg'],
      ['Nothing has been decided yet,', 'Tom Weller'],
      ['This budget protects every library in town.', 'Carla Mendes'],
    ]);
  });

  it('does not take a mark between two letters for a quotation mark (Russia”s)', () => {
    const text = 'The envoy Pavel Orlov has reaffirmed Russia”s position on the treaty.\n\n“We are ready to talk,” Orlov said.';
    assert.deepEqual(quotes(text), [['We are ready to talk,', 'Pavel Orlov']]);
  });

  it('leaves out short scare quotes and titles with no speech cue, and terms after "so-called"', () => {
    const text = [
      'It was called “realpolitik” in the capital, and the report “Ports of the Future Today” agreed.',
      '',
      'Mark Hale said the so-called “flexible hours” plan would hurt workers.',
    ].join('\n');
    assert.deepEqual(quotes(text), []);
  });

  it('keeps a long quotation (a proverb, given to the people who recall it, not to a name) and a short one with a cue (a partial quote)', () => {
    const text = 'Readers recalled the old advice – “When facing a gift from the Greeks, light the fires around the horse.”\n\nIda Stone praised the plan, saying it “works for everyone”.';
    assert.deepEqual(quotes(text), [
      ['When facing a gift from the Greeks, light the fires around the horse.', 'Readers'],
      ['works for everyone', 'Ida Stone'],
    ]);
  });

  it('starts a quote at the paragraph when the source lost its opening mark', () => {
    const text = 'Sergey Lavrov arrived late.\n\nToday we have the opportunity to build trust,” Sergey Lavrov said.';
    const [quote] = of(text, 'quote');
    assert.equal(quote.text, 'Today we have the opportunity to build trust,');
    assert.equal(quote.rule, 'missing opening mark');
    assert.equal(quote.speaker, 'Sergey Lavrov');
  });

  it('spans a quote over several paragraphs, one span per paragraph, attributed where it ends', () => {
    const text = [
      'Union leader Tomás Reyes addressed the crowd.',
      '',
      '“For twenty years my members have kept this port running through every storm. They have earned the right to know their shifts.',
      '',
      '“Nobody is asking for the moon,” he said.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['For twenty years my members have kept this port running through every storm. They have earned the right to know their shifts.', 'Tomás Reyes'],
      ['Nobody is asking for the moon,', 'Tomás Reyes'],
    ]);
  });

  it('continues a quote into the next paragraph from a mark left open after an attribution', () => {
    const text = [
      '“This is not a decision I take lightly,” Marguerite Osei-Lindahl wrote. “Many of them built the products that got us here.',
      '',
      '“But the market has changed more in eighteen months than in ten years.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['This is not a decision I take lightly,', 'Marguerite Osei-Lindahl'],
      ['Many of them built the products that got us here.', 'Marguerite Osei-Lindahl'],
      ['But the market has changed more in eighteen months than in ten years.', 'Marguerite Osei-Lindahl'],
    ]);
  });

  it('reads a house style that quotes with single marks, apostrophes and plural possessives included', () => {
    const text = [
      '‘The workers’ union won’t back down,’ said Jo Pike. ‘My husband shouted “Get the cat!” and we ran.',
      '',
      '‘We didn’t look back.’',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The workers’ union won’t back down,', 'Jo Pike'],
      ['My husband shouted “Get the cat!” and we ran.', 'Jo Pike'],
      ['We didn’t look back.', 'Jo Pike'],
    ]);
  });

  it('takes the next partial quote of a sentence for the same speaker, and the cue past a term in marks', () => {
    const text = [
      'Marguerite Osei-Lindahl said the company had “grown in too many directions” and had to be “rebuilt around fewer bets”.',
      '',
      'Amara Lindqvist called the document, which both sides refer to as the “Lauterbrück framework”, “a floor, not a ceiling”.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['grown in too many directions', 'Marguerite Osei-Lindahl'],
      ['rebuilt around fewer bets', 'Marguerite Osei-Lindahl'],
      ['a floor, not a ceiling', 'Amara Lindqvist'],
    ]);
  });
});

describe('suggestAnnotations: speakers', () => {
  it('resolves surnames, titles and pronouns to the fullest name the document uses', () => {
    const text = [
      'Russian Foreign Minister Sergey Lavrov met his counterparts in Sochi.',
      '',
      '“Dialogue is not going as fast as we had hoped,” Russia’s foreign minister said.',
      '',
      '“The fire can come back,” stressed Lavrov.',
      '',
      '“It is an important signal,” he added.',
    ].join('\n');
    assert.deepEqual(
      quotes(text).map(([, speaker]) => speaker),
      ['Sergey Lavrov', 'Sergey Lavrov', 'Sergey Lavrov'],
    );
  });

  it('resolves a surname to a full name written later in the document', () => {
    const text = '“We listened to each other,” Stoltenberg told journalists.\n\nNATO Secretary General Jens Stoltenberg expects another meeting.';
    assert.deepEqual(quotes(text), [['We listened to each other,', 'Jens Stoltenberg']]);
  });

  it('keeps the speaker for a continuation quote with no cue, in the same paragraph and in the next', () => {
    const text = '“The talks were cool,” one source told the paper. “As a result, the tone has changed.”\n\n“Nobody expected this outcome from the meeting at all.”';
    assert.deepEqual(quotes(text), [
      ['The talks were cool,', 'unnamed source'],
      ['As a result, the tone has changed.', 'unnamed source'],
      ['Nobody expected this outcome from the meeting at all.', 'unnamed source'],
    ]);
  });

  it('takes a person described with several modifiers for an unnamed source, and a short whole sentence after a quote for its continuation', () => {
    const text = 'Lena Holm wrote a book about the storm.\n\n"Did they wait too long? Probably," said one former senior harbour official. "But it was right."';
    const found = of(text, 'quote');
    assert.deepEqual(found.map((q) => [q.text, q.speaker, q.rule]), [
      ['Did they wait too long? Probably,', 'unnamed source', 'paired marks'],
      ['But it was right.', 'unnamed source', 'continuation of the previous quote'],
    ]);
  });

  it('takes someone described with an indefinite article for an unnamed source, names inside it as modifiers, and "the person" after one for the same', () => {
    const text = [
      '"Every surrogate is lowering expectations," said one New Hampshire Democrat.',
      '',
      '"She did not like that," said a 2008 Holm campaign veteran.',
      '',
      'Another source familiar with the plan said the talks went well. At the same time, the person added, "nobody expects a deal."',
      '',
      'A year ago Ann Holm said: "We will build it all again."',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['Every surrogate is lowering expectations,', 'unnamed source'],
      ['She did not like that,', 'unnamed source'],
      ['nobody expects a deal.', 'unnamed source'],
      ['We will build it all again.', 'Ann Holm'],
    ]);
  });

  it('reads a name after a cue and before the marks, a group by its plural, an outlet by its common noun, and no medium after a preposition', () => {
    const text = [
      'Ada Holm spoke first. In other words, explained BBC moderator Tom Reyes: "What does that have to do with the budget?"',
      '',
      'Some Democrats say the vote could mark the "death of the old order" if she loses.',
      '',
      'The Northern newspaper Tidings noted that "as a matter of policy, officials do not meet such people."',
      '',
      'Tom Reyes said the vote has "kept us safe" on Twitter before claiming that borders are "tearing families apart."',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['What does that have to do with the budget?', 'Tom Reyes'],
      ['death of the old order', 'unnamed source'],
      ['as a matter of policy, officials do not meet such people.', 'Tidings'],
      ['kept us safe', 'Tom Reyes'],
      ['tearing families apart.', 'Tom Reyes'],
    ]);
  });

  it('does not end a sentence at an initial or a title, takes "Mr. X" for a person with no first name written, and a name before a long apposition after the quote', () => {
    const text = [
      'The writer Dan Frome called it bad. Mr. Frome, a former speechwriter for George W. Bush, wrote: "The big question is whether he can cope."',
      '',
      'The mayor spoke. "I would have been all in," Mr. Alvado, the Republican mayor of Porthaven, said in his office.',
      '',
      '"Hourly earnings showed the largest increase in years," Dana Hale, an economic adviser to the council and former director of the Budget Office, wrote on Friday.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The big question is whether he can cope.', 'Dan Frome'],
      ['I would have been all in,', 'Alvado'],
      ['Hourly earnings showed the largest increase in years,', 'Dana Hale'],
    ]);
  });

  it('hears shouts, retorts and answers as cues, and no one named before "we\'re asking"', () => {
    const text = [
      'Ada Holm took the stage. "All the way!" Holm shouted.',
      '',
      'Asked whether the club should apologise, Mr. Reyes shot back: "That would be good."',
      '',
      'Ana Ferro says "ask me in March" - no Ana, we\'re asking now.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['All the way!', 'Ada Holm'],
      ['That would be good.', 'Reyes'],
      ['ask me in March', 'Ana Ferro'],
    ]);
  });

  it('gives marks right after a cue to that cue, not to a cue further on in another clause', () => {
    const text = 'Tom Reyes and Ada Holm stood face-to-face on Thursday.\n\nReyes started out their ninth debate saying "of course" Holm has the qualifications to be mayor, but questioned her judgment.';
    assert.deepEqual(quotes(text), [['of course', 'Tom Reyes']]);
  });

  it('reads no cue in a name ("the United States had"), shares a subject with a verb after "and", hears "found", "put it", "characterized", "responding", "referred to" and "boomed", and no speaker in a participle\'s object', () => {
    const text = [
      'Ada Holm spoke first.',
      '',
      'Holm had said in an interview that the United States had "contained" the group.',
      '',
      'Tom Reyes said the move was made by commissioner Ana Ferro and said, "Who are you going to trust on security here?"',
      '',
      'In 2014, the Harbour Institute found that "about twice as many boats as before were idle."',
      '',
      'As the Coastal Herald put it, "Hello, it is the ferry again."',
      '',
      'The Tidings characterized the plan as a "journey from denial to grief."',
      '',
      'Ana Ferro refused to campaign with Reyes, responding that she is "not going to go into what my campaign is doing."',
      '',
      'Ferro referred to Reyes as "a bright, charismatic leader" on Monday.',
      '',
      'Then Reyes leaned in and boomed: "We will win this in November."',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['contained', 'Ada Holm'],
      ['Who are you going to trust on security here?', 'Tom Reyes'],
      ['about twice as many boats as before were idle.', 'Harbour Institute'],
      ['Hello, it is the ferry again.', 'Coastal Herald'],
      ['journey from denial to grief.', 'Tidings'],
      ['not going to go into what my campaign is doing.', 'Ana Ferro'],
      ['a bright, charismatic leader', 'Ana Ferro'],
      ['We will win this in November.', 'Tom Reyes'],
    ]);
    assert.deepEqual(of(text, 'quote').slice(5).map((q) => q.cue), ['responding', 'referred to', 'boomed']);
    const more = 'Ana Ferro spoke first.\n\nTom Reyes had criticized the mayor as "a political person" and left.\n\n“The town will always be the town,” an angry Reyes retaliated.\n\nIn the ad, children bash a toy harbour, yelling "close the port!" at it.';
    assert.deepEqual(of(more, 'quote').map((q) => [q.speaker, q.cue]).slice(0, 2), [['Tom Reyes', 'criticized'], ['Tom Reyes', 'retaliated']]);
    assert.equal(of(more, 'quote')[2].cue, 'yelling');
    const barked = 'Ana Ferro asked about the port.\n\n“Go back to your seat,” Reyes barked. “Not now,” Ferro scoffed. “I was wrong,” Dan Golan confessed.';
    assert.deepEqual(of(barked, 'quote').map((q) => [q.speaker, q.cue]), [['Reyes', 'barked'], ['Ana Ferro', 'scoffed'], ['Dan Golan', 'confessed']]);
    const accusing = 'Tom Reyes spoke first.\n\nAna Ferro was angry on Monday. "It was a disgrace and a shame for the town," accusing Dan Golan of the long delay.';
    assert.deepEqual(quotes(accusing), [['It was a disgrace and a shame for the town,', 'Ana Ferro']]);
  });

  it('names a document that speaks by its own words, and takes a user or a commenter for an unnamed source', () => {
    const text = [
      'Ada Holm spoke first.',
      '',
      'A letter to council members calls for the harbour to respond by "recognizing the threat to every family here."',
      '',
      '"It is great fun watching the fight in the harbour," one user wrote. "This is their democracy."',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['recognizing the threat to every family here.', 'a letter to council members'],
      ['It is great fun watching the fight in the harbour,', 'unnamed source'],
      ['This is their democracy.', 'unnamed source'],
    ]);
  });

  it('after a quote: a name and its apposition before the cue, no one the words are about, a name after a description, and acronyms inside', () => {
    const text = [
      'Ana Walker spoke first.',
      '',
      '"Would I back him again? Gladly," Eric Wold, a strategist and former adviser to Ana Walker, said of Tom Reyes.',
      '',
      '"Most of the people I sail with are women," Vosk, 49, told The Harbour Post.',
      '',
      'They did not find "cracks of any size," said the bureau\'s director, James B. Corey, on Monday.',
      '',
      '"Every ferry season brings its own storms," Steve Rosen, a former political director of the A.F.L.-C.I.O. and organizer, wrote in an email.',
      '',
      '"Anyone who ignores the tide tables puts the crew at risk," said constituent Dan Golan when asked about Ana Walker.',
      '',
      '"Well, boats are late sometimes, no?" Reyes went on.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['Would I back him again? Gladly,', 'Eric Wold'],
      ['Most of the people I sail with are women,', 'Vosk'],
      ['cracks of any size,', 'James Corey'],
      ['Every ferry season brings its own storms,', 'Steve Rosen'],
      ['Anyone who ignores the tide tables puts the crew at risk,', 'Dan Golan'],
      ['Well, boats are late sometimes, no?', 'Tom Reyes'],
    ]);
  });

  it('does not take a word that opens a sentence in parentheses for a first name ("(See Holm’s timeline …)")', () => {
    const text = 'The writer Lena Holm went to the rally to see it for herself.\n(See Holm’s full timeline of the rally below.)\n\n"I was shocked by what I saw," Holm said.';
    assert.deepEqual(quotes(text), [['I was shocked by what I saw,', 'Lena Holm']]);
  });

  it('carries no speaker past boilerplate into the comments', () => {
    const text = [
      '"We are ready for every storm this winter," said Ada Holm, the harbour director.',
      '',
      'Related Articles',
      '',
      '6 thoughts on “Harbour Ready for Winter”',
      '',
      '"When facing a gift from the sea, light the fires and prepare the boats for the night."',
      '',
      'Leave a Reply',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['We are ready for every storm this winter,', 'Ada Holm'],
      ['When facing a gift from the sea, light the fires and prepare the boats for the night.', undefined],
    ]);
  });

  it('gives "he said" the one who spoke in the sentence before, and a possessive only when no one else is there', () => {
    const spoke = 'Tom Reyes’s claim that Ana Ferro created the crisis put lives at risk, Lena Holm said.\n\n"If my son were still there, the threat would be higher," she said.';
    assert.deepEqual(quotes(spoke), [['If my son were still there, the threat would be higher,', 'Lena Holm']]);
    const possessive = 'Dan Golan’s plan worried the council, and Tom Reyes argued against it all week.\n\n"It is far too late for that now," he said.';
    assert.deepEqual(quotes(possessive), [['It is far too late for that now,', 'Tom Reyes']]);
    // Sentences that open with "He" go on about the same man; the men named in them are not him.
    const chain = 'Tom Reyes is a harbour pilot on a mission. He dismisses claims that Dan Golan ruined the port. He is even trying to win support for Golan’s plan. "Dan Golan is a really good man," he said.';
    assert.deepEqual(quotes(chain), [['Dan Golan is a really good man,', 'Tom Reyes']]);
    // So do sentences where "he" comes before anyone they name.
    const clause = 'Tom Reyes won the harbour vote. Though he did not name Dan Golan, he made it plain that he wanted him gone. He called the plan "a slow wreck" on Friday.';
    assert.deepEqual(quotes(clause), [['a slow wreck', 'Tom Reyes']]);
  });

  it('gives the words of a campaign, supporters or a spokesman to them, not to the person they speak for', () => {
    const text = [
      'Ada Holm and Tom Reyes met in Leeds.',
      '',
      'Holm’s campaign called the meeting "a useful first step."',
      '',
      '"Four more years!" Reyes supporters chanted outside.',
      '',
      'Reyes’s spokesman said the talks were "going nowhere."',
      '',
      'Dan Golan, Holm’s campaign manager, said they were "patient people."',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['a useful first step.', 'Ada Holm’s campaign'],
      ['Four more years!', 'Tom Reyes’s supporters'],
      ['going nowhere.', 'Tom Reyes’s spokesman'],
      ['patient people.', 'Dan Golan'],
    ]);
  });

  it('takes a name before a possessive role ("X, President Y’s chief of staff, said") for the speaker', () => {
    const text = 'Ada Holm met Tom Reyes on Monday.\n\n“They were rivals, but also friends,” Kit Daley, President Holm’s former chief of staff at the harbour board, said of their time.';
    assert.deepEqual(quotes(text), [['They were rivals, but also friends,', 'Kit Daley']]);
  });

  it('takes the name set off by commas before "told", not whom they told', () => {
    const text = 'Ada Holm met Tom Reyes on Monday.\n\n“Positions are going to soften on the plan, now or later,” Tom Reyes’s chief of staff at the port, Kit Daley, told the Post before the vote. “That is inevitable.”';
    assert.deepEqual(quotes(text), [
      ['Positions are going to soften on the plan, now or later,', 'Kit Daley'],
      ['That is inevitable.', 'Kit Daley'],
    ]);
  });

  it('gives "Another tweeted" and "One said" to an unnamed source, not to the person named before', () => {
    const text = 'Ada Holm answered the critics on Monday. Another tweeted, “Holm is above the rules.”';
    assert.deepEqual(quotes(text), [['Holm is above the rules.', 'unnamed source']]);
  });

  it('learns no gender from a pronoun after a sentence where the only person named is the one speaking', () => {
    const text = 'Kit Golan met Ada Holm and Tom Reyes in March.\n\nInstead, Golan said, "she started as such a clear favourite, and then came a long fall."\n\nFirst came the row over her use of a private account.\n\nTom Reyes fought back in April.\n\nGolan said the quiet race helped Holm, who does not need to show her staying power.\n\n"She has nothing to prove on that," he said.';
    assert.deepEqual(quotes(text).map(([, speaker]) => speaker), ['Kit Golan', 'Kit Golan']);
  });

  it('takes a surname after a title for a person a later "he said" can mean, and an organisation in an apposition for no speaker', () => {
    const titled = "Tom Reyes and Dan Golan spoke first.\n\nSeveral councillors were quiet, but Councillor Brooks, who has the backing of the dockers, was blunt about his view.\n\n''The depot stays open, whatever it takes,'' he said.";
    assert.deepEqual(quotes(titled), [['The depot stays open, whatever it takes,', 'Brooks']]);
    const apposed = "Ada Holm spoke first.\n\n''We count the riders on every line each spring,'' Mr. Tallis, of Harbour Capital Markets, said. ''The red line carries the most and the blue line the fewest,'' he said.";
    assert.deepEqual(quotes(apposed).map(([, speaker]) => speaker), ['Tallis', 'Tallis']);
  });

  it('learns no gender from a pronoun that points ahead to someone named later in its sentence', () => {
    const text = 'With Mayor Kit Walsh by her side, Rita Vance spoke in Leeds.\n\nWalsh, a former union leader, had close ties to Governor Dan Golan. But on Sunday he backed Vance.\n\n"She is the one we need," he said.';
    assert.deepEqual(quotes(text), [['She is the one we need,', 'Kit Walsh']]);
  });

  it('takes the pronoun right before a cue for its subject, not the name before it', () => {
    const text = 'Ada Holm spoke in Leeds on Monday. Holm said that this week she had begun "to show the real record" of Tom Reyes, whom she called a "hollow man." She said Reyes had no plan.';
    assert.deepEqual(quotes(text), [
      ['to show the real record', 'Ada Holm'],
      ['hollow man.', 'Ada Holm'],
    ]);
  });

  it('takes "Mrs. X" for the woman of that surname when a man shares it', () => {
    const text = 'Mary Holm and her husband Tom Holm arrived together.\n\n"We are ready," Mrs. Holm said.';
    assert.deepEqual(quotes(text), [['We are ready,', 'Mary Holm']]);
  });

  it('gives a participle after a comma the subject of its sentence, not a name in the clause before it', () => {
    const text = 'Ada Holm spoke on Monday. Holm, Northport’s sitting director, repeated accusations that Tom Reyes recites the same lines, calling him a "talented speaker" when asked.';
    assert.deepEqual(quotes(text), [['talented speaker', 'Ada Holm']]);
  });

  it('names the person introduced right before an uncued quote, and no organisation', () => {
    const text = 'Councillor Ahmed Khan was not persuaded. "The numbers do not add up at all."\n\nProfessor Ian Doyle of Northgate University said the cores might be damaged.';
    assert.deepEqual(quotes(text), [['The numbers do not add up at all.', 'Ahmed Khan']]);
    assert.deepEqual(
      claimsWithSpeakers(text),
      [['the cores might be damaged', 'Ian Doyle']],
    );
  });

  it('gives "he" and "she" to the nearest person of that gender, not to the last speaker', () => {
    const text = [
      '“We will say so,” said Mayor Priya Ramanathan.',
      '',
      'Councillor Douglas Fairweather, who led the opposition, was unconvinced. “We have been told this for years,” he said.',
      '',
      'The finance director, Paul Mensah, warned that reserves may fall.',
      '',
      '“We have a plan to rebuild the reserves over three years,” she said in reply.',
    ].join('\n');
    assert.deepEqual(
      quotes(text).map(([, speaker]) => speaker),
      ['Priya Ramanathan', 'Douglas Fairweather', 'Priya Ramanathan'],
    );
  });

  it('learns a gender from honorifics and from the pronouns the text uses, over an unknown first name', () => {
    const text = [
      'Kit Morrow ran the depot for a decade. Last year Morrow said she would retire.',
      '',
      'Robin Vale met Morrow and Mr Robin Quist at the depot.',
      '',
      '“The depot is not closing on my watch at all,” she said. “Not for long,” he said.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The depot is not closing on my watch at all,', 'Kit Morrow'],
      ['Not for long,', 'Robin Quist'],
    ]);
  });

  it('resolves a title with "the" to the person it names and a title with "a" to an unnamed source', () => {
    const text = [
      'Port Authority chief executive Maria Okafor said the strike would cost money.',
      '',
      'The chief executive rejected that account. “The plan guarantees thirty-two hours,” she told reporters.',
      '',
      'A spokeswoman for the Department of Health said a review would follow. “We are listening,” she said.',
      '',
      'Lena Achterberg, the council’s head of highways, said eight loading bays would be added.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['The plan guarantees thirty-two hours,', 'Maria Okafor'],
      ['We are listening,', 'unnamed source'],
    ]);
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['the strike would cost money', 'Maria Okafor'],
        ['a review would follow', 'unnamed source'],
        ['eight loading bays would be added', 'Lena Achterberg'],
      ],
    );
  });

  it('gives a shared surname to the person it last stood for, and finds a full name written only with a possessive', () => {
    const text = [
      'Harjinder Bassi, 61, was taken to hospital. Inès Lacombe-Nwosu’s new film opened the same night.',
      '',
      'His son, Amrit Bassi, said his father had been counting the takings. “He is tough,” Bassi said.',
      '',
      '“I made it for my grandmother,” Lacombe-Nwosu told the audience.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['He is tough,', 'Amrit Bassi'],
      ['I made it for my grandmother,', 'Inès Lacombe-Nwosu'],
    ]);
    assert.deepEqual(
      of(text, 'claim').map((c) => c.speaker),
      ['Amrit Bassi'],
    );
  });

  it('takes the subject of the cue: a name before its apposition, a pronoun right before the verb, an unnamed person met earlier', () => {
    const text = [
      'Dr Priyanka Hollis, a forecaster at the National Weather Bureau, warned that more rain could come.',
      '',
      'Coxswain Tam Rennick, of the Saltmere Volunteer Lifeboat, said the crew was out three times.',
      '',
      'Mark Olsen, chairman of the board of Coastal Partners, said the fund would stay out of it.',
      '',
      'Gareth Pryce heard what he called “a crack, like someone dropping a tray”.',
      '',
      'Two people familiar with the matter said hiring had stopped. “It was handled badly, and that is a low bar,” the person said.',
    ].join('\n');
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['more rain could come', 'Priyanka Hollis'],
        ['the crew was out three times', 'Tam Rennick'],
        ['the fund would stay out of it', 'Mark Olsen'],
        ['hiring had stopped', 'unnamed source'],
      ],
    );
    assert.deepEqual(quotes(text), [
      ['a crack, like someone dropping a tray', 'Gareth Pryce'],
      ['It was handled badly, and that is a low bar,', 'unnamed source'],
    ]);
  });

  it('does not take places, teams or titles of works for people', () => {
    const text = [
      'Shauna McBride made the film. It had its premiere at the Regal cinema on Bridge Street, home of Ashcombe Rovers.',
      '',
      '“I wanted to make something about the people who keep turning up,” she said.',
      '',
      'Gareth Pryce, regional organiser of the Unite Works union, called the cuts ‘a hammer blow for the valley’.',
      '',
      'Local critics have called it “a love letter with the mud left on”.',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['I wanted to make something about the people who keep turning up,', 'Shauna McBride'],
      ['a hammer blow for the valley', 'Gareth Pryce'],
      ['a love letter with the mud left on', 'unnamed source'],
    ]);
  });
});

describe('suggestAnnotations: claims', () => {
  it('reads no claim from a cue in the passive, whose subject said nothing ("has been asked about", "was warned that")', () => {
    const text = [
      'Tom Hale has been asked about the mooring fees at every meeting this year.',
      '',
      'Ada Brook was warned that the pier would close for the whole of the winter.',
      '',
      'Ben Ruiz said the pier would reopen in the spring.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [['the pier would reopen in the spring', 'Ben Ruiz']]);
  });

  it('takes the reported content only, for leading, trailing and "according to" attributions', () => {
    const text = [
      'NATO should change its policy, Russian Foreign Minister Sergey Lavrov stated during the session.',
      '',
      'Grushko added that a dialogue is impossible until the alliance changes course.',
      '',
      'According to Aleksandr Grushko, Russia is not troubled by the pause, as quoted by the agency.',
      '',
      'SouthFront sources report that NATO wanted to exert pressure.',
    ].join('\n');
    assert.deepEqual(
      of(text, 'claim').map((c) => [c.text, c.speaker, c.cue]),
      [
        ['NATO should change its policy', 'Sergey Lavrov', 'stated'],
        ['a dialogue is impossible until the alliance changes course', 'Aleksandr Grushko', 'added'],
        ['Russia is not troubled by the pause', 'Aleksandr Grushko', 'According to'],
        ['NATO wanted to exert pressure', 'unnamed source', 'report'],
      ],
    );
  });

  it('splits "said that A, and said B" into two claims; an organisation is a speaker, and so is a country that speaks', () => {
    const text = 'The deputy minister Alexei Meshkov said that Moscow wants a partnership, and said he believed in the alliance.\n\nRussia noted that NATO was active. NATO reaffirmed its plans for the region.';
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['Moscow wants a partnership', 'Alexei Meshkov'],
        ['he believed in the alliance', 'Alexei Meshkov'],
        // The conventions make governments speakers.
        ['NATO was active', 'Russia'],
        ['its plans for the region', 'NATO'],
      ],
    );
  });

  it('finds reported speech beside a quote of the same sentence, for the quote’s speaker', () => {
    const text = [
      'Hamish Beaton called the film “a masterpiece of patience” and said the apple sequence was the bravest of the year.',
      '',
      'Samuel Adeyemi said the results were “consistent with what we know,” but cautioned that the study could not prove a cause.',
      '',
      'Douglas Fairweather told the chamber that shop owners had not been consulted, and accused the committee of “rushing it”.',
    ].join('\n');
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['the apple sequence was the bravest of the year', 'Hamish Beaton'],
        ['the study could not prove a cause', 'Samuel Adeyemi'],
        ['shop owners had not been consulted', 'Douglas Fairweather'],
      ],
    );
    assert.deepEqual(of(text, 'speculation'), []);
  });

  it('reads "told" past a long hearer, where and when they heard it, to "that"', () => {
    const text = 'Tom Hale told members of the rowing club gathered at the Brightwater boathouse on Saturday that the new fee would be dropped.';
    assert.deepEqual(
      claimsWithSpeakers(text),
      [['the new fee would be dropped', 'Tom Hale']],
    );
  });

  it('takes the whole sentence for reported speech whose attribution is set off inside it ("The new fee, he said, will …")', () => {
    const text = [
      'Tom Hale runs the quay. The new fee, he said, will hurt the small clubs.',
      '',
      'Even so, Ada Brook said, the crews should row at dawn when the tide is low.',
      '',
      'Ben Ruiz said, however, that the crews should row at noon.',
    ].join('\n');
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['The new fee, he said, will hurt the small clubs', 'Tom Hale'],
        ['Even so, Ada Brook said, the crews should row at dawn when the tide is low', 'Ada Brook'],
        ['the crews should row at noon', 'Ben Ruiz'],
      ],
    );
  });

  it('takes a share of those polled ("Forty percent", "Nearly three in 10 rowers") for an unnamed source of reported speech', () => {
    const text = [
      'Forty percent said they would pay the higher fee.',
      '',
      'Nearly three in 10 rowers said they would quit the club if the fee rose.',
      '',
      'Tom Hale said 40 percent of the boats were late.',
    ].join('\n');
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['they would pay the higher fee', 'unnamed source'],
        ['they would quit the club if the fee rose', 'unnamed source'],
        ['40 percent of the boats were late', 'Tom Hale'],
      ],
    );
  });

  it('finds the speaker of reported speech past a long apposition after the name', () => {
    const text = 'Ana Penrose, the longest-serving coach of the junior crews at the old boathouse on the east quay, said the new dredger would clear the channel by June.';
    assert.deepEqual(
      claimsWithSpeakers(text),
      [['the new dredger would clear the channel by June', 'Ana Penrose']],
    );
  });

  it('reads "…, according to X" after its content as X’s claim, an unnamed source’s and a document’s too', () => {
    const text = [
      'The new fee will fall hardest on the smallest rowing clubs, according to Tom Hale.',
      '',
      'Two crews have already left the harbour for Brightwater, according to a source close to the board.',
      '',
      'Clubs that row at dawn lose fewer boats to the tide, according to a study published on Monday in the Harbour Rowing Journal.',
      '',
      'The new fee, according to Ivo Marsh, will hurt the small clubs.',
    ].join('\n');
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['The new fee will fall hardest on the smallest rowing clubs', 'Tom Hale'],
        ['Two crews have already left the harbour for Brightwater', 'unnamed source'],
        // The study as the text describes it, not the journal named inside the description.
        ['Clubs that row at dawn lose fewer boats to the tide', 'a study published on Monday in the Harbour Rowing Journal'],
        // Set off by commas inside its content, the whole sentence.
        ['The new fee, according to Ivo Marsh, will hurt the small clubs', 'Ivo Marsh'],
      ],
    );
  });

  it('takes a document for a claim\'s speaker in every form of attribution, and a noun right before a cue for its subject', () => {
    const text = [
      'According to a study published in the Harbour Rowing Journal, clubs that row at dawn lose fewer boats.',
      '',
      'A harbour board report said that the quays were unsafe at high tide.',
      '',
      'A new poll shows that most rowers oppose the higher mooring fees.',
      '',
      'A video filmed from the quay shows a wall of water swallowing the old boathouse.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['clubs that row at dawn lose fewer boats', 'a study published in the Harbour Rowing Journal'],
      // "report" right before "said" is the subject, not a cue of its own ("said that the quays …" by an unnamed source before).
      ['the quays were unsafe at high tide', 'a harbour board report'],
      ['most rowers oppose the higher mooring fees', 'a new poll'],
    ]);
  });

  it('reads the present tense of a plural subject\'s cue ("fishermen describe", "members complain that")', () => {
    const text = [
      'Tom Hale spoke first at the meeting.',
      '',
      'Local fishermen describe the storm as “the worst any of us can remember.”',
      '',
      'Club members complain that the new moorings are too far from the slipway.',
      '',
      'Harbour pilots explain that the channel silts up every spring.',
    ].join('\n');
    assert.deepEqual(quotes(text), [['the worst any of us can remember.', 'unnamed source']]);
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the new moorings are too far from the slipway', 'Club members'],
      ['the channel silts up every spring', 'Harbour pilots'],
    ]);
  });

  it('takes a diplomatic cable, a newsletter or a ruling for the speaker of the words its cue gives', () => {
    const text = [
      'Tom Hale spoke first at the harbour meeting.',
      '',
      'An embassy cable from Northport warned that the ferry crews were “worn out” by the winter.',
      '',
      'The club newsletter said the regatta was “a triumph for the whole town.”',
      '',
      'The ruling found that the mooring fees were “plainly unlawful.”',
    ].join('\n');
    assert.deepEqual(quotes(text), [
      ['worn out', 'an embassy cable from Northport'],
      ['a triumph for the whole town.', 'the club newsletter'],
      ['plainly unlawful.', 'the ruling'],
    ]);
  });

  it('gives what polls, records and documents show to them, leading or trailing, with no reporting cue; "show" alone is no cue', () => {
    const text = [
      'Polls show the ferry vote is close in every harbour town.',
      '',
      'The rowing club spent more on oars than on boats in 2023, club records show.',
      '',
      'A new survey of Eastby households shows strong support for a second slipway.',
      '',
      'But earlier studies have shown that cold water slows a crew less than a head wind.',
      '',
      'The show at the boathouse was a hit with the rowers and their families.',
      '',
      'Ben Ruiz shows his crew the new boats every morning before the race.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the ferry vote is close in every harbour town', 'polls'],
      ['The rowing club spent more on oars than on boats in 2023', 'club records'],
      ['strong support for a second slipway', 'a new survey of Eastby households'],
      ['cold water slows a crew less than a head wind', 'earlier studies'],
    ]);
    // Their own rule, for their own confidence (every one of the 49 on PolNeAR train matched a content).
    const shown = of(text, 'claim')[0];
    assert.equal(shown.rule, 'what a document shows');
    assert.ok(shown.confidence! > 0.9, String(shown.confidence));
    assert.match(shown.why!, /what a poll, a record or a document shows; cue “show”/u);
  });

  it('takes records, returns, data and averages after "according to" for the source as the text describes them, names inside too', () => {
    const text = [
      'Tom Hale paid the club twice what Ada Brook paid for the mooring, according to Harbour Board records.',
      '',
      'Brook carried six of the nine harbour wards, according to provisional returns.',
      '',
      'Ferry crossings fell sharply over the winter, according to data published by the port authority.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['Tom Hale paid the club twice what Ada Brook paid for the mooring', 'Harbour Board records'],
      ['Brook carried six of the nine harbour wards', 'provisional returns'],
      ['Ferry crossings fell sharply over the winter', 'data published by the port authority'],
    ]);
  });

  it('takes a share of a group ("about half of those present", "nearly two-thirds of the members", "a clear majority of") for unnamed sources', () => {
    const text = [
      'At the Eastby meeting, about half of those present said the quay should be rebuilt in stone.',
      '',
      'Nearly two-thirds of the club members who answered said they would row in the winter league.',
      '',
      'A clear majority of club members said the quay should stay open at night.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the quay should be rebuilt in stone', 'unnamed source'],
      ['they would row in the winter league', 'unnamed source'],
      ['the quay should stay open at night', 'unnamed source'],
    ]);
  });

  it('gives what follows "In a survey taken in May," to the survey; "In a statement," alone names no one', () => {
    const text = [
      'In a Tidewatch survey taken in May, the boathouse came last of twelve club facilities.',
      '',
      'In the Gazette’s spring poll, the new ferry timetable won the support of most commuters.',
      '',
      'In a statement, the club thanked its rowers for their patience.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the boathouse came last of twelve club facilities', 'a Tidewatch survey taken in May'],
      ['the new ferry timetable won the support of most commuters', 'the Gazette’s spring poll'],
    ]);
    assert.match(of(text, 'claim')[0].why!, /cue “In a survey”/u);
  });

  it('gives a claim to "the company" or "the rights group" that says it, as the text calls the organisation', () => {
    const text = [
      'Kestrel Media runs the harbour paper and two radio stations. The company said it would close one of the stations before the summer.',
      '',
      'The Kestrel Rowing Foundation gave out grants again. Twelve boathouses have been repaired with its money since 2019, the rowing foundation says.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['it would close one of the stations before the summer', 'the company'],
      ['Twelve boathouses have been repaired with its money since 2019', 'the rowing foundation'],
    ]);
  });

  it('gives a claim to a person the text describes as the subject ("The boat-owning millionaire says …"), in the words of the description', () => {
    const described = (sentence: string) => claimsWithSpeakers(`The quay opened in May.\n\n${sentence}`);
    assert.deepEqual(described('The boat-owning millionaire says the harbour board race has been bruising.'), [['the harbour board race has been bruising', 'the boat-owning millionaire']]);
    assert.deepEqual(described('On Monday, the veteran lawmaker also said the new fee would hurt the small clubs.'), [['the new fee would hurt the small clubs', 'the veteran lawmaker']]);
    assert.deepEqual(described('The novelist argued that the fee is a burden for the crews.'), [['the fee is a burden for the crews', 'the novelist']]);
    // Not a thing, nor people.
    assert.deepEqual(described('The harbour report said the fee would rise in May.'), [['the fee would rise in May', 'the harbour report']]);
    assert.deepEqual(described('The decision said the fee would rise in May.'), []);
    // A title after a speaker still means that speaker.
    assert.deepEqual(claimsWithSpeakers('Tom Hale said the quay would open in May.\n\nThe mayor said the fee would hurt the small clubs.'), [
      ['the quay would open in May', 'Tom Hale'],
      ['the fee would hurt the small clubs', 'Tom Hale'],
    ]);
  });

  it('takes no cue that reports a clause of its own after "that" for a trailing attribution of the words before its comma', () => {
    const text = 'Tom Hale hit back at the Gazette, a day after its reporter Ivo Marsh had claimed in May that the crews were split.';
    assert.deepEqual(claimsWithSpeakers(text), [['the crews were split', 'Ivo Marsh']]);
    // A trailing attribution with where and when after its cue still is one.
    assert.deepEqual(claimsWithSpeakers('The crews will be back on the water by the end of May, Ivo Marsh said in June at the quay.'), [
      ['The crews will be back on the water by the end of May', 'Ivo Marsh'],
    ]);
  });

  it('does not take a leading phrase of where or when for the content of an attribution after it ("At a meeting on Tuesday, Brook vowed …")', () => {
    const text = [
      'At a meeting of the club on Tuesday morning, Ada Brook vowed to fight the new mooring charges.',
      '',
      'While the crews waited on the quay, Tom Hale told them the ferry would be late again.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['to fight the new mooring charges', 'Ada Brook'],
      ['the ferry would be late again', 'Tom Hale'],
    ]);
  });

  it('does not take a document that spoke before for the person "she" or "he" means', () => {
    const text = 'Ana Penrose won the sculls final on Sunday. A video from the finish line shows her arms raised high above the boat. She said afterwards, “My hands are still shaking.”';
    assert.deepEqual(quotes(text), [['My hands are still shaking.', 'Ana Penrose']]);
  });

  it('reads a name and a verb after a cue as the clause it reports, not as an inverted speaker; a description before a trailing speaker\'s name is not content', () => {
    const text = [
      'Ivo Marsh, who rows for the east quay club, said Tom Hale had misled the crews.',
      '',
      'Ben Ruiz, a rower from Kestrel, warned Friday that the new fees would close the club.',
      '',
      'Tom Hale, a club steward, said Kestrel crews expect to win the vote in May.',
      '',
      'The new slipway will open before the spring races, a spokeswoman, Ana Penrose, said on Friday.',
      '',
      'The mooring fees will rise again in the spring, said Tom Hale in a statement.',
      '',
      'The quay will stay open all winter long, said a harbour master on the east quay.',
      '',
      'The regatta will go ahead despite the storm, said Hale’s spokesman, Ben Ruiz.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['Tom Hale had misled the crews', 'Ivo Marsh'],
      ['the new fees would close the club', 'Ben Ruiz'],
      ['Kestrel crews expect to win the vote in May', 'Tom Hale'],
      ['The new slipway will open before the spring races', 'Ana Penrose'],
      ['The mooring fees will rise again in the spring', 'Tom Hale'],
      ['The quay will stay open all winter long', 'unnamed source'],
      ['The regatta will go ahead despite the storm', 'Ben Ruiz'],
    ]);
  });

  it('finds a cue\'s subject after a colon or a semicolon that opens its clause, and a possessive surname with an inner apostrophe', () => {
    const text = [
      'Ben Ruiz stayed at the boathouse all week for one plain reason and a good one: He said the quay had flooded twice since the vote.',
      '',
      'The crews rowed out at dawn from the old boathouse on the east quay of the harbour; Ada Brook said the tide had been kind to them.',
      '',
      'Ivo O’Marsh is moving his crews to the coast.',
      '',
      'O’Marsh’s campaign said it will shift staff from the quay to the early races.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the quay had flooded twice since the vote', 'Ben Ruiz'],
      ['the tide had been kind to them', 'Ada Brook'],
      // A surname with an inner apostrophe before a capital ("O’Marsh’s campaign") is a name's possessive too.
      ['it will shift staff from the quay to the early races', 'Ivo O’Marsh’s campaign'],
    ]);
  });

  it('takes aides, allies, advisers, advocates and lawmakers nobody names for an unnamed source of the claim they make', () => {
    const text = [
      'Aides to Tom Hale say he will not stand for the harbour board again.',
      '',
      'Harbour advocates say the new fees break the board’s own rules.',
      '',
      'Lawmakers said the mooring bill would pass before the summer.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['he will not stand for the harbour board again', 'unnamed source'],
      ['the new fees break the board’s own rules', 'unnamed source'],
      ['the mooring bill would pass before the summer', 'unnamed source'],
    ]);
  });

  it('reads a hearer set off by a comma before the clause, and a spokeswoman for someone the phrase does not name as an unnamed source', () => {
    const text = [
      'Tom Hale spoke on Monday. Hale told Kestrel Radio, the fees would fall by half within a year.',
      '',
      'The former mayor’s spokeswoman told the Gazette that the mayor will miss the spring regatta.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the fees would fall by half within a year', 'Tom Hale'],
      ['the mayor will miss the spring regatta', 'unnamed source'],
    ]);
  });

  it('ends a content where a second attribution after a comma starts its own ("While Brook said A, she said B"), not at a parenthetical', () => {
    const text = [
      'While Ada Brook said there was clear evidence that the fees were too high, she said there is no reason to cut them this year.',
      '',
      'Ben Ruiz said the new slipway, he hoped, would open before the spring races.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['there was clear evidence that the fees were too high', 'Ada Brook'],
      ['there is no reason to cut them this year', 'Ada Brook'],
      ['the new slipway, he hoped, would open before the spring races', 'Ben Ruiz'],
    ]);
  });

  it('takes a headline that gives its words to a name with a colon for that person\'s claim; not a label, a question or a name the article does not use', () => {
    const text = [
      'Brook: The Quay Must Stay Open All Winter.',
      'UPDATE: Fees Rise Again at the Harbour',
      'The Latest: Crews Row Out at Dawn to Protest',
      'Breaking: Board Meets in the Old Boathouse',
      'Ada Brook: Ready to Lead the Harbour Board?',
      'Big Win For Rowers: Fees Frozen Until Spring',
      '',
      'Ada Brook, who chairs the rowing club on the east quay, told the harbour board on Monday that the crews would not pay the new mooring fees this year.',
    ].join('\n\n');
    assert.deepEqual(
      of(text, 'claim').map((c) => [c.text, c.speaker, c.rule]),
      [
        ['The Quay Must Stay Open All Winter', 'Ada Brook', 'headline attribution'],
        ['the crews would not pay the new mooring fees this year', 'Ada Brook', 'reported speech'],
      ],
    );
  });

  it('takes a headline "Name Says …" for that person\'s claim, as the colon form, not a name the article does not write in full', () => {
    const body = 'Ada Brook, who chairs the rowing club on the east quay, spoke to the harbour board on Monday about the mooring fees for the coming year.';
    const text = ['Brook Says The Quay Must Stay Open All Winter.', 'Harbour Board Says Fees Will Rise Again', body].join('\n\n');
    assert.deepEqual(
      of(text, 'claim').map((c) => [c.text, c.speaker, c.rule]),
      [['The Quay Must Stay Open All Winter', 'Ada Brook', 'headline attribution']],
    );
  });

  it('reads claims after "suggests", "argue", "insist", "acknowledge", "indicated", "reminded … that", "knows that", "feels that" and "called for"', () => {
    const text = [
      'Tom Hale suggests the fee will be dropped before the spring regatta.',
      '',
      'Ada Brook reminded the rowers that the quay closes at dusk in winter.',
      '',
      'Ben Ruiz knows that the crews cannot pay another rise this year.',
      '',
      'Ana Penrose indicated she would vote against the new mooring charges.',
      '',
      'Ivo Marsh called for a full inquiry into the mooring fees before the spring.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the fee will be dropped before the spring regatta', 'Tom Hale'],
      ['the quay closes at dusk in winter', 'Ada Brook'],
      ['the crews cannot pay another rise this year', 'Ben Ruiz'],
      ['she would vote against the new mooring charges', 'Ana Penrose'],
      ['a full inquiry into the mooring fees before the spring', 'Ivo Marsh'],
    ]);
  });

  it('suggests a reported clause that says more than the quoted words inside it as a claim too, marks included', () => {
    const text = [
      'Tom Hale said the new fee, which rose by a third in May, had left the rowing clubs “close to the edge”.',
      '',
      'Ada Brook said it was “a tax on boats”.',
      '',
      'Ben Ruiz wrote in a letter to the harbour board on Monday: “We row at noon.”',
      '',
      'Ana Penrose said the fee would fall on the smallest crews “first and hardest”, but the board has not replied.',
      '',
      'Ivo Marsh said the crews had lost a season of racing, a result Ada Brook called “a disgrace to the harbour”.',
      '',
      'Ben Ruiz said there had been “at least three” attempted break-ins on the quay since May.',
    ].join('\n');
    const quotes = of(text, 'quote').map((q) => [q.text, q.speaker]);
    assert.deepEqual(quotes.slice(0, 4), [
      ['close to the edge', 'Tom Hale'],
      ['a tax on boats', 'Ada Brook'],
      ['We row at noon.', 'Ben Ruiz'],
      ['first and hardest', 'Ana Penrose'],
    ]);
    // The claim takes in its quote with both marks; "said it was “…”" is the quote only; a quote after a colon is quoted, not
    // reported; the narrator's "but …" after the quote is no part of the claim; a clause holding someone else's quote is no claim of Marsh's;
    // words that go on with the clause after the quote ("“at least three” attempted break-ins") say more than the quote.
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['the new fee, which rose by a third in May, had left the rowing clubs “close to the edge”', 'Tom Hale'],
        ['the fee would fall on the smallest crews “first and hardest”', 'Ana Penrose'],
        ['there had been “at least three” attempted break-ins on the quay since May', 'Ben Ruiz'],
      ],
    );
  });

  it('reads "told X she …" without "that", trailing "told staff on Wednesday", appositions after "according to", and stops at ", but declined"', () => {
    const text = [
      'Shanice Wallbank, 22, who was waiting at the bus stop, told the Courier she had seen a man climb into a car.',
      '',
      'Helixor is laying off about 1,150 employees, chief executive Marguerite Osei-Lindahl told staff on Wednesday.',
      '',
      'According to the film’s producer, Daniel Okoro-Hess, she had not been inside a cinema since the 1970s.',
      '',
      'Vsevolod Yermashov told reporters that inspectors would be welcome at the dam, but declined to give a date.',
    ].join('\n');
    assert.deepEqual(
      claimsWithSpeakers(text),
      [
        ['she had seen a man climb into a car', 'Shanice Wallbank'],
        ['Helixor is laying off about 1,150 employees', 'Marguerite Osei-Lindahl'],
        ['she had not been inside a cinema since the 1970s', 'Daniel Okoro-Hess'],
        ['inspectors would be welcome at the dam', 'Vsevolod Yermashov'],
      ],
    );
  });

  it('does not take the "as" of a relative clause for a conjunction that opens the cue\'s clause ("X, which acts as a lender to Tom Hale, said")', () => {
    const text = [
      'The Kestrel Trust, which acts as a lender to Tom Hale, said the loan would be repaid in May.',
      '',
      'Ruiz, who rowed as a junior for Tom Hale, said the boathouse roof had leaked all winter.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the loan would be repaid in May', 'Kestrel Trust'],
      ['the boathouse roof had leaked all winter', 'Ruiz'],
    ]);
  });

  it('takes one word that opens a sentence right before the cue for a surname, but not a word of a common shape', () => {
    const text = [
      'Penrose said the harbour would reopen in May.',
      '',
      'Generous promises are made at every meeting and forgotten a week later.',
      '',
      'Nobody asked about the timetable when the board met.',
      '',
      'Ivo Marsh runs the ferry kiosk. Ivo reckoned the queue reached the end of the pier.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the harbour would reopen in May', 'Penrose'],
      ['the queue reached the end of the pier', 'Ivo Marsh'],
    ]);
  });

  it('closes a quote a claim opens when the quote ends the sentence or runs on past it; reads past an aside and a relative clause to the subject', () => {
    const text = [
      'Ada Brook added that the new concrete slipway was “long overdue. Ask any crew, they will tell you the same.” She left.',
      '',
      'Ivo Marsh wrote that the ferry “runs late” and that “the timetable is a fiction.” He left.',
      '',
      'Ben Ruiz was there. Ruiz, for his part, who coaches the juniors, said the crews would race in May.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the new concrete slipway was “long overdue. Ask any crew, they will tell you the same.”', 'Ada Brook'],
      ['“the timetable is a fiction.”', 'Ivo Marsh'],
      ['the crews would race in May', 'Ben Ruiz'],
    ]);
  });

  it('does not take the noun "states" or "found itself", "are found", "helped found" for a cue; "the report states that" and "a poll found" are', () => {
    const text = [
      'Ada Brook, who has raced in several states this year, turned to the harbour vote on Tuesday.',
      '',
      'The rowing club found itself at the centre of the fee row, and two boats are found adrift every spring.',
      '',
      'Tom Hale helped found the harbour club in 1990, long before the fees rose.',
      '',
      'The harbour board report states that the quay is unsafe. A Tidewatch poll found that most rowers want a lower fee.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the quay is unsafe', 'the harbour board report'],
      ['most rowers want a lower fee', 'a Tidewatch poll'],
    ]);
  });

  it('does not read a quote after one whose words end a sentence as part of the same sentence ("Hale said: “We row at dawn.” Brook disagreed: “…”")', () => {
    const text = 'Tom Hale said: “We row at dawn.” Ada Brook disagreed: “They row when I say so.”';
    assert.deepEqual(
      of(text, 'quote').map((q) => [q.text, q.speaker]),
      [
        ['We row at dawn.', 'Tom Hale'],
        ['They row when I say so.', 'Ada Brook'],
      ],
    );
  });

  it('gives a cue after "but now" or "and later" the subject of its sentence, not the name right before it', () => {
    const text = [
      'For years Tom Hale rowed in the same boat as Ben Ruiz, but now said the club needed “a fresh crew and a new coach.”',
      '',
      'Ada Brook once worked for Ivo Marsh, and later said the yard was “a mess from top to bottom.”',
    ].join('\n');
    assert.deepEqual(
      of(text, 'quote').map((q) => [q.text, q.speaker]),
      [
        ['a fresh crew and a new coach.', 'Tom Hale'],
        ['a mess from top to bottom.', 'Ada Brook'],
      ],
    );
  });

  it('takes "labeled", "dubbed" and "termed" for cues of marked words, and a passive "was asked" after a quote for no attribution of it', () => {
    const text = [
      'Ada Brook, who has coached at the Kestrel boatyard for a decade, labeled the plan “a gift to the big clubs.” When Ben Ruiz was asked, he shrugged.',
      '',
      'Tom Hale dubbed the new fee “a tax on Sundays.” Ivo Marsh termed it “fair.”',
      '',
      'Ana Penrose wants the plan scrapped. “It is a mess.” When Ben Ruiz was asked, he shrugged.',
    ].join('\n');
    assert.deepEqual(
      of(text, 'quote').map((q) => [q.text, q.speaker]),
      [
        ['a gift to the big clubs.', 'Ada Brook'],
        ['a tax on Sundays.', 'Tom Hale'],
        ['fair.', 'Ivo Marsh'],
        ['It is a mess.', 'Ana Penrose'],
      ],
    );
  });

  it('does not take a plural noun for its cue ("several of the careless remarks he had posted", "in hopes of"), so a later "he" is not its subject; "Brook remarks that" and "his claims that" are cues', () => {
    const text = [
      'Tom Hale met Nerys Quill at the boathouse on Sunday. “Tides turn,” Hale said.',
      '',
      'Hale was in a sour mood: on the radio, Quill had quoted several of the careless remarks he had posted about the crews. On Monday he hinted that the wind was to blame for the defeat, and that the new coach was “half-baked.”',
      '',
      'The crews waited in hopes of a lower fee. Ada Brook remarks that the fee is fair. Ben Ruiz stood by his claims that the vote was rigged.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['the wind was to blame for the defeat', 'Tom Hale'],
      ['the fee is fair', 'Ada Brook'],
      ['the vote was rigged', 'Ben Ruiz'],
    ]);
    assert.deepEqual(
      of(text, 'quote').map((q) => [q.text, q.speaker]),
      [
        ['Tides turn,', 'Tom Hale'],
        ['half-baked.', 'Tom Hale'],
      ],
    );
  });

  it('takes the verb after "a … report" for the cue, not the noun ("A harbour board report issued in May said …")', () => {
    const text = 'A harbour board report issued in May said the quay was unsafe for the boats.';
    assert.deepEqual(claimsWithSpeakers(text), [['the quay was unsafe for the boats', 'a harbour board report issued in May']]);
  });

  it('reads "Mr." after a trailing cue as a title, not the end of an attribution; and keeps reported speech before a quote in its sentence', () => {
    const text = [
      'Mr. Marsh, the harbour master, said Mr. Hale wanted the east quay closed until the spring tides had passed.',
      '',
      'On Saturday, Mr. Hale said the club would repaint the boathouse in June, but agreed that the colours were “part of the town.”',
      '',
      'Ada Brook said the ferry would run all winter and that the timetable of the island boats was “a gift to us all.”',
      '',
      '“We will be back,” Ada Brook said, referring to the crews who lost the final.',
    ].join('\n');
    assert.deepEqual(claimsWithSpeakers(text), [
      ['Mr. Hale wanted the east quay closed until the spring tides had passed', 'Marsh'],
      ['the club would repaint the boathouse in June', 'Hale'],
      ['the ferry would run all winter', 'Ada Brook'],
      ['the timetable of the island boats was “a gift to us all.”', 'Ada Brook'],
    ]);
  });
});

describe('suggestAnnotations: speculation', () => {
  it('suggests whole sentences in which the narrator hedges, not hedges inside claims or quotes', () => {
    const text = [
      'The dispute could spread to other ports. Shipping firms are likely to reroute vessels. The ship will dock on Friday.',
      '',
      'Jens Stoltenberg said the meeting may be postponed.',
      '',
      '“It may not be obvious yet,” Dmitry Rogozin told RT.',
    ].join('\n');
    assert.deepEqual(
      of(text, 'speculation').map((s) => [s.text, s.cue]),
      [
        ['The dispute could spread to other ports.', 'could'],
        ['Shipping firms are likely to reroute vessels.', 'likely'],
      ],
    );
    assert.equal(of(text, 'claim')[0].text, 'the meeting may be postponed');
  });

  it('takes "is less certain" as a hedge, but not the month of May nor "you could hear"', () => {
    const text = [
      'Helena Marchetti in Lauterbrück, Tue 14 May 2024.',
      '',
      'On Thursday night you could hear an audience deciding whether to stay. Whether the compromise holds is less certain.',
    ].join('\n');
    assert.deepEqual(
      of(text, 'speculation').map((s) => [s.text, s.cue]),
      [['Whether the compromise holds is less certain.', 'is less certain']],
    );
  });
});

describe('suggestAnnotations: boilerplate', () => {
  it('suggests one span per boilerplate line, whole trimmed line, and none for article text, bylines or sources', () => {
    const text = [
      'Share This',
      'Pin It on Pinterest',
      '  Leave a Reply  ',
      'Your email address will not be published. Required fields are marked *',
      'Read also NATO Cannot Do Without Russia, Outgoing Secretary General Says',
      'Do you like this content? Consider helping us!',
      'Canada: Free $30 Oye! Times readers Get FREE $30 to spend on Amazon',
      '0:00',
      '28:50',
      '2,500 $',
      'icon bookmarkicon cameraicon checkicon chevron downicon closeicon',
      'Related stories',
      'Bus fares to rise in April',
      '',
      'Author: Admin',
      '',
      'Source: Prensa Latina',
      '',
      'Readers can share their views in the comments below, the editor said.',
    ].join('\n');
    const ads = of(text, 'advertisement');
    assert.deepEqual(
      ads.map((a) => a.text),
      text.split('\n').slice(0, 13).map((l) => l.trim()),
    );
    assert.deepEqual(
      ads.map((a) => a.rule),
      ['share row', 'share row', 'comment form', 'comment form', 'related link', 'donation ask', 'promotional offer', 'player timestamp', 'player timestamp', 'donation ask', 'icon list', 'related link', 'related link'],
    );
  });

  it('keeps a paragraph that says "silicon" or "iconic" five times as article text, not an icon list', () => {
    const text =
      'Tom Hale said the silicon plant would reopen in May. “Silicon is what this town does,” he said, pointing to the iconic silicon ' +
      'works on the quay, where the silicon wafers for Brightwater’s iconic boats were cut.';
    assert.deepEqual(of(text, 'advertisement'), []);
    assert.deepEqual(
      of(text, 'quote').map((q) => [q.text, q.speaker]),
      [['Silicon is what this town does,', 'Tom Hale']],
    );
  });

  it('knows navigation, sign-up, cookie, app, tag and comment-form lines, and a numbered list under "Most read"', () => {
    const furniture = [
      'Skip to main content',
      'News | Weather | Sport | Showbiz | Money',
      'News > Crime',
      'Sign up to the Courier’s Morning Briefing',
      'Get the day’s top stories straight to your inbox',
      'Enter your email address',
      'We use cookies to personalise content and ads. By clicking ‘Accept all’ you agree.',
      'Accept all',
      'Get the Daily Beacon app for breaking news alerts – download now on iOS and Android',
      'Tags: Layoffs, Helixor, AI agents',
      'Got a tip? Contact our reporters securely',
      'The Lantern is reader-funded. Support our arts journalism from £3 a month.',
      'Independent journalism costs money. Support the Ashcombe Courier from £3 a month.',
      'Watch: Shauna McBride on making Forty Winters',
      'Name *',
      'Save my name, email and website in this browser for the next time I comment.',
      'Most read',
      '1. Lottery winner’s ‘dream mansion’ turns into nightmare as neighbours revolt',
      '2. TV chef reveals secret to perfect roast potatoes – and it’s not goose fat',
    ];
    const article = [
      'The council will support families with £200 a month from April.',
      'Users can download the NHS app to book appointments, the minister said.',
      'The club’s newsletter said tickets would go on sale in June.',
      'Shares closed 3% off their high after the announcement.',
    ];
    const text = [...furniture, '', ...article].join('\n');
    assert.deepEqual(
      of(text, 'advertisement').map((a) => a.text),
      furniture,
    );
  });
});

describe('suggestAnnotations: offsets', () => {
  const seedDir = path.join(__dirname, '../../../seeds');

  it('gives every suggestion the text at its offsets, sorted by start, for every seed and gold document', () => {
    const files = [
      ...fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedDir, f)),
      ...fs.readdirSync(path.join(__dirname, '../../../test/gold')).filter((f) => f.endsWith('.txt')).map((f) => path.join(__dirname, '../../../test/gold', f)),
    ];
    assert.ok(files.length >= 8);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const suggestions = suggestAnnotations(text);
      assert.ok(suggestions.length > 5, file);
      for (const s of suggestions) assert.equal(s.text, text.slice(s.start, s.end), `${file} ${s.kind} ${s.start}`);
      for (let i = 1; i < suggestions.length; i++) assert.ok(suggestions[i - 1].start <= suggestions[i].start);
    }
  });

  it('maps positions back exactly with CRLF line endings and after astral characters', () => {
    const lf = 'Title 😀 here\n\n“We will not give up the talks,” Anna Berg said.\n\nShare This\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const text of [lf, crlf]) {
      const suggestions = suggestAnnotations(text);
      assert.deepEqual(
        suggestions.map((s) => [s.kind, s.text]),
        [
          ['quote', 'We will not give up the talks,'],
          ['advertisement', 'Share This'],
        ],
      );
      for (const s of suggestions) assert.equal(text.slice(s.start, s.end), s.text);
    }
    const [lfQuote] = suggestAnnotations(lf);
    const [crlfQuote] = suggestAnnotations(crlf);
    assert.equal(crlfQuote.start, lfQuote.start + 2, 'two CRs before the quote');
  });

  it('splits paragraphs and sentences with exact offsets (CRLF, abbreviations, closing marks)', () => {
    const text = 'First line of one paragraph.\r\nIt goes on.\r\n\r\nMr. Smith said “Yes.” Then he left! Did he?';
    const [first, second] = paragraphs(text);
    assert.equal(text.slice(first.start, first.end), 'First line of one paragraph.\r\nIt goes on.');
    assert.deepEqual(
      sentences(text, second).map((s) => text.slice(s.start, s.end)),
      ['Mr. Smith said “Yes.”', 'Then he left!', 'Did he?'],
    );
    const states = 'Ada Brook, a pilot from Dover, Del., spoke first. Tom Hale of Eureka, Calif. Spoke next. Then Sept. Came.';
    assert.deepEqual(
      sentences(states, { start: 0, end: states.length }).map((s) => states.slice(s.start, s.end)),
      ['Ada Brook, a pilot from Dover, Del., spoke first.', 'Tom Hale of Eureka, Calif. Spoke next.', 'Then Sept. Came.'],
    );
    // A case's "v." ends no sentence.
    const court = 'She backs Hale v. Eastby Harbour Board, which opened the quay. She said so.';
    assert.deepEqual(
      sentences(court, { start: 0, end: court.length }).map((s) => court.slice(s.start, s.end)),
      ['She backs Hale v. Eastby Harbour Board, which opened the quay.', 'She said so.'],
    );
  });

  it('suggests nothing for an empty or blank document', () => {
    assert.deepEqual(suggestAnnotations(''), []);
    assert.deepEqual(suggestAnnotations('\r\n\r\n  \n'), []);
  });
});
