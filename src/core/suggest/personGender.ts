/**
 * What a text says about a person's grammatical gender, so that "she said" does not go to the
 * man named last. Evidence, strongest first: an honorific ("Mrs Osei"), a gendered title
 * ("spokeswoman"), the pronouns the text uses for them, and common first names as a weak prior.
 */
export type Gender = 'female' | 'male';

const PRONOUNS: Record<string, Gender> = {
  he: 'male', him: 'male', his: 'male', himself: 'male',
  she: 'female', her: 'female', hers: 'female', herself: 'female',
};

/** The gender a third-person pronoun refers to, if `word` is one. */
export function pronounGender(word: string): Gender | undefined {
  return PRONOUNS[word.toLowerCase()];
}

const HONORIFICS: Record<string, Gender> = {
  mr: 'male', sir: 'male', lord: 'male', monsieur: 'male', herr: 'male', senor: 'male', señor: 'male',
  mrs: 'female', ms: 'female', miss: 'female', madam: 'female', madame: 'female', dame: 'female', lady: 'female', frau: 'female', senora: 'female', señora: 'female',
};

/** The gender an honorific written right before a name gives ("Mr", "Mrs.", "Dame"). */
export function honorificGender(word: string): Gender | undefined {
  return HONORIFICS[word.toLowerCase().replace(/\.$/u, '')];
}

const GENDERED_NOUNS: Record<string, Gender> = Object.fromEntries([
  ...'spokesman chairman businessman congressman councilman policeman fireman sportsman father husband son brother grandfather uncle nephew widower boy man king prince duke baron headmaster groom grandson stepfather'
    .split(' ')
    .map((w) => [w, 'male' as Gender]),
  ...'spokeswoman chairwoman businesswoman congresswoman councilwoman policewoman firewoman sportswoman mother wife daughter sister grandmother aunt niece widow girl woman queen princess duchess baroness headmistress bride granddaughter stepmother actress waitress'
    .split(' ')
    .map((w) => [w, 'female' as Gender]),
]);

/** The gender a noun for a person states ("spokeswoman", "father"), if any. */
export function nounGender(word: string): Gender | undefined {
  return GENDERED_NOUNS[word.toLowerCase()];
}

/**
 * Common first names across the languages news in English quotes most. Only a prior: the text's
 * own honorifics and pronouns outweigh it, and a name missing here is simply unknown.
 */
const FIRST_NAMES: Record<string, Gender> = Object.fromEntries([
  ...(
    'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis ' +
    'ian neil gareth gavin colin graham alistair angus callum declan liam conor rhys owen dafydd hamish niall ciaran tom tim jim bob dan ben nick mike steve tony rob ross duncan malcolm nigel trevor stuart stewart craig derek barry clive geoffrey hugh rupert giles simon martin oliver harry charlie alfie archie leo max jake luke toby ' +
    'ahmed ahmad mohammed muhammad mohamed omar ali hassan hussein ibrahim khalid mustafa yusuf youssef karim tariq rashid bilal hamza imran faisal samir nabil walid ' +
    'sergey sergei vladimir dmitry dmitri aleksandr alexander alexei aleksei andrei andriy mikhail nikolai ivan oleg yuri igor viktor pavel boris maxim volodymyr petro taras bohdan vitali ' +
    'hans klaus jurgen jürgen wolfgang stefan lukas piotr pawel paweł tomasz krzysztof marek jiri lars anders nils sven erik olaf ólafur bjorn björn magnus henrik mikael ' +
    'pierre jacques francois françois michel philippe antoine olivier nicolas luc marco luca giuseppe giovanni antonio francesco matteo alessandro carlos miguel javier manuel tomás tomas pedro diego pablo rafael sergio fernando alejandro joão joao ricardo ' +
    'raj rahul amit arjun vikram sanjay rohan anil sunil ravi vijay deepak suresh ramesh hiroshi kenji takeshi haruto hao min-jun kwame kofi chinedu emeka olusegun tunde jomo themba sipho ' +
    'bernie bill ted jeb marco mitt newt rand reince barack rudy chuck rick dick ron al lyndon jimmy herbert franklin woodrow dwight hakeem elijah mitch orrin ' +
    'glenn todd chris jeff jon jared josh ed brent matt phil corey mario luis stan jorge sebastian laurence marty geoff felipe marvin doug jeffery sheldon marc jay curt gordon brad dave gene andy evan greg mitchell brett bret lance joel wesley nate don norm howard carlton freddy fred kurt victor johnny earl troy shane dale seth chad cody travis phillip'
  )
    .split(' ')
    .map((n) => [n, 'male' as Gender]),
  ...(
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria lauren christina joan evelyn judith megan cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla lori ' +
    'jane susanne fiona siobhan sinead aoife niamh kirsty morag eilidh shauna bronwen carys sian rhiannon gwen harriet imogen philippa penelope lucy sophie chloe ellie amelia poppy jess kate katie liz beth annie molly zoe zoë ' +
    'fatima aisha ayesha mariam maryam leila layla yasmin zainab noor amira huda salma nadia samira ' +
    'olga natalia natalya tatiana tatyana svetlana irina elena yelena anastasia ekaterina yekaterina marina galina ludmila lyudmila oksana yulia iryna valentina ' +
    'ingrid astrid sigrid freya helga greta ulrike annika birgit karin agnieszka katarzyna magdalena malgorzata ewa ' +
    'sophie camille isabelle nathalie chantal brigitte giulia francesca chiara alessandra lucia carmen rosa pilar ana ines inés lucía lucia marta beatriz mariana fernanda gabriela ' +
    'priya anjali sunita pooja neha deepa lakshmi kavita meera aiko yuki sakura hana mei ling xiu adaeze chioma ngozi amara nkechi folake funmilayo thandiwe zanele wanjiru ' +
    'hillary melania ivanka kellyanne carly huma debbie condoleezza madeleine loretta nikki juanita jill sheryl tammy kirsten ellen maxine cecile chelsea tulsi valerie neera ' +
    'eva phyllis betsy anne maureen roberta arianna alicia wendy maggie felicia dianne patti louise megyn robyn claire marla kathy julia rose tiffany kristen andrea erin tara allison monica vanessa sylvia peggy sally connie nora vicki'
  )
    .split(' ')
    .map((n) => [n, 'female' as Gender]),
]);

/** The gender a first name usually has, if it is a common one. */
export function firstNameGender(name: string): Gender | undefined {
  return FIRST_NAMES[name.toLowerCase()];
}
