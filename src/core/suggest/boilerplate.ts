import { wordCount } from './words';
import { lines, type TextRange } from './paragraphs';

/** A kind of line websites add around an article, and how to recognise one. */
interface BoilerplateRule {
  readonly name: string;
  readonly pattern: RegExp;
}

/**
 * Patterns for whole lines (trimmed). They are anchored or need short lines, so a sentence of the
 * article that mentions sharing or comments is not caught.
 */
const RULES: readonly BoilerplateRule[] = [
  { name: 'share row', pattern: /^(?:share(?: this(?: post| article| story| page)?)?(?: (?:on|via|to)(?: [\p{L} ]{1,20})?)?(?: with(?: your)? friends!?)?|share this (?:post|article|story) with your friends!?|share:? .{0,80}\|.*|pin it on pinterest|tweet(?: this)?|e-?mail(?: this)?|print(?: this)?(?: article)?|copy link|reuse this content|(?:share on |follow us on )?(?:facebook|twitter|whatsapp|telegram|linkedin|reddit|vk)(?: \| .*)?)$/iu },
  { name: 'comment form', pattern: /^(?:leave a (?:reply|comment)|submit a comment|post comment|add comment|be the first to comment|your email address will not be published\.?(?: required fields are marked \*)?|required fields are marked \*|\*|comments?(?: \(\d+\))?|(?:name|e-?mail|comment|website|message)\s*\*|save my name,? email,? and website in this browser for the next time i comment\.?|notify me of (?:follow-up comments|new posts|new comments).*|\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to) .*|cancel reply|reply|log in to (?:reply|comment).*)$/iu },
  { name: 'donation ask', pattern: /^(?:.{0,40}\b(?:consider (?:helping|supporting|donating)|support (?:us|our work|independent)|donate(?: now)?|make a donation|become a (?:patron|member|supporter))\b.*|[\d.,]+ ?[$€£]|[$€£] ?[\d.,]+|.{0,120}\b(?:support (?:us|our)|donate|subscribe|reader-funded)\b.{0,80}(?:[$€£] ?\d|\ba month\b|\bper month\b).*)$/iu },
  // "Support the Ashcombe Courier from £3 a month": case matters here, so a sentence about supporting families is not caught.
  { name: 'donation ask', pattern: /\b[Ss]upport the \p{Lu}[\p{L}' ]{0,40} (?:from|for) [$€£] ?\d.{0,30}$/u },
  { name: 'promotional offer', pattern: /^.{0,80}\b(?:free \$\d+|get free|shop now|buy now|book (?:now|today)|early-bird|limited[- ]time offer|promo code|coupon|subscribe (?:now|to our newsletter)|sign up for our newsletter)\b.*$/iu },
  { name: 'newsletter sign-up', pattern: /^(?:(?:sign up|subscribe)\b.{0,120}|.{0,100}\b(?:(?:to|in) your inbox|our (?:free )?newsletter)\b.{0,60}|enter your e-?mail(?: address)?|your e-?mail(?: address)?)$/iu },
  { name: 'site navigation', pattern: /^(?:skip to (?:main )?content|menu|search|log ?in|sign ?in|sign up(?: free| now)?|register|subscribe(?: now| today)?|listen live|watch live|back to top|load more|show more|[^|·•]{1,25}(?:\s[|·•]\s[^|·•]{1,25}){2,}|[\p{L}&' ]{1,25}(?:\s[>›»]\s[\p{L}&' ]{1,25})+)$/iu },
  { name: 'topic tags', pattern: /^(?:tags?|topics?|filed under|categories|category|more about|explore more on these topics)\s*:.{0,160}$/iu },
  { name: 'cookie notice', pattern: /^(?:.{0,40}\bwe use cookies\b.*|accept(?: all)?(?: cookies)?|reject all|manage (?:options|preferences|cookies|settings)|cookie (?:settings|preferences|policy))$/iu },
  { name: 'app promotion', pattern: /^(?:(?:download|get) (?:the|our) [\p{L}' ]{0,30}app\b.{0,80}|.{0,100}\b(?:download now|on (?:ios|the app store) and android)\b.{0,20})$/iu },
  { name: 'tip line', pattern: /^(?:(?:have you |do you have |you )?got a (?:story|tip)|do you have a (?:story|tip)|contact (?:our|the) (?:newsroom|newsdesk|reporters))\b.{0,140}$/iu },
  { name: 'related link', pattern: /^(?:read (?:also|more|next)|see also|related(?: articles| posts| stories| news| content)?|recommended(?: for you)?|you (?:may|might) also like|more from [\p{L} ]+|more on this (?:story|topic)|trending(?: now)?|most (?:read|viewed|popular|shared|commented)|top stories|latest (?:news|stories)|in other news|editor'?s picks|explore more(?: on these topics)?|(?:watch|listen|video|gallery|photos|podcast)\s*:|(?:hear|watch|listen to) more\b)(?:\b|(?<=:)).{0,120}$/iu },
  { name: 'player timestamp', pattern: /^(?:\d{1,2}:\d{2}(?::\d{2})?(?: \/ \d{1,2}:\d{2}(?::\d{2})?)?|podcasts?|listen(?: now| to (?:this|the(?: full)?) (?:article|interview|episode|podcast|story))?|play|pause)$/iu },
  { name: 'ad label', pattern: /^(?:advertisement|advert|sponsored(?: content)?|promoted|ad)$/iu },
  { name: 'republication notice', pattern: /^.{0,40}\b(?:you (?:can|may) (?:re)?publish this article|republish this (?:article|story)|all rights reserved)\b.*$/iu },
];

/** Longer lines are article text (or an icon list). */
const MAX_BOILERPLATE_LINE = 200;

/** How many "icon" words make a line an icon-font list ("icon bookmark-bicon cameraicon …"). */
const ICON_LIST_MIN = 5;
/** An icon list is mostly such words: at least one word in ICON_LIST_SHARE. */
const ICON_LIST_SHARE = 3;

/** The rule that makes the lines after a header line links too ("Related stories" then titles). */
const RELATED_LINKS = 'related link';

/** Headlines run long ("2. TV chef reveals secret to perfect roast potatoes – and it’s not goose fat"). */
const MAX_LINK_TITLE_WORDS = 20;

/** A link title under a "Related" header: short, no sentence punctuation at its end. */
function looksLikeLinkTitle(line: string): boolean {
  return line.split(/\s+/).length <= MAX_LINK_TITLE_WORDS && !/[.!?:;,]$/.test(line);
}

/** The rule a line matches, or undefined when it is article text. */
function boilerplateRule(line: string): string | undefined {
  // Boilerplate is short; only an icon list runs long, and long lines are costly to match.
  const rule = line.length <= MAX_BOILERPLATE_LINE ? RULES.find((r) => r.pattern.test(line)) : undefined;
  if (rule) return rule.name;
  // Mostly icon names: a paragraph on silicon chips, or on a town's iconic pier, is article text however often it says so.
  const icons = line.match(/icon/giu)?.length ?? 0;
  return icons >= ICON_LIST_MIN && icons * ICON_LIST_SHARE >= wordCount(line) ? 'icon list' : undefined;
}

/** A boilerplate line of a document and the rule it matched. */
export interface BoilerplateLine extends TextRange {
  readonly rule: string;
}

/**
 * Every boilerplate line of a document, each a whole line as the reader sees it (a list marker
 * included: "1. Storm Elspeth: …"). The link titles right under a related-links header are
 * boilerplate too, up to the next blank line.
 */
export function boilerplateLines(text: string): BoilerplateLine[] {
  const found: BoilerplateLine[] = [];
  let underHeader = false;
  let previousEnd = 0;
  for (const line of lines(text, 0, text.length)) {
    const lineText = text.slice(line.start, line.end);
    if (/\n[ \t\r]*\n/.test(text.slice(previousEnd, line.start))) underHeader = false;
    previousEnd = line.end;
    const rule: string | undefined = boilerplateRule(lineText) ?? (underHeader && looksLikeLinkTitle(lineText) ? RELATED_LINKS : undefined);
    underHeader = rule === RELATED_LINKS;
    if (rule) found.push({ start: line.start, end: line.end, rule });
  }
  return found;
}
