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
  { name: 'share row', pattern: /^(?:share(?: this(?: post| article| story| page)?)?(?: on| with(?: your)? friends!?| via)?|share this (?:post|article|story) with your friends!?|pin it on pinterest|tweet(?: this)?|e-?mail(?: this)?|print(?: this)?(?: article)?|(?:share on |follow us on )?(?:facebook|twitter|whatsapp|telegram|linkedin|reddit|vk)(?: \| .*)?)$/iu },
  { name: 'comment form', pattern: /^(?:leave a (?:reply|comment)|submit a comment|post comment|add comment|be the first to comment|your email address will not be published\.?(?: required fields are marked \*)?|required fields are marked \*|\*|comments?(?: \(\d+\))?|\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to) .*|cancel reply|log in to (?:reply|comment).*)$/iu },
  { name: 'donation ask', pattern: /^(?:.{0,40}\b(?:consider (?:helping|supporting|donating)|support (?:us|our work|independent)|donate(?: now)?|make a donation|become a patron)\b.*|[\d.,]+ ?[$€£]|[$€£] ?[\d.,]+)$/iu },
  { name: 'promotional offer', pattern: /^.{0,80}\b(?:free \$\d+|get free|shop now|buy now|limited[- ]time offer|promo code|coupon|subscribe (?:now|to our newsletter)|sign up for our newsletter)\b.*$/iu },
  { name: 'related link', pattern: /^(?:read (?:also|more|next)|see also|related(?: articles| posts| stories| news)?|recommended(?: for you)?|you (?:may|might) also like|more from [\p{L} ]+|trending now)\b.{0,120}$/iu },
  { name: 'player timestamp', pattern: /^(?:\d{1,2}:\d{2}(?::\d{2})?(?: \/ \d{1,2}:\d{2}(?::\d{2})?)?|podcasts?|listen(?: now| to (?:this|the(?: full)?) (?:article|interview|episode|podcast|story))?|play|pause)$/iu },
  { name: 'ad label', pattern: /^(?:advertisement|advert|sponsored(?: content)?|promoted|ad)$/iu },
  { name: 'republication notice', pattern: /^.{0,40}\b(?:you (?:can|may) (?:re)?publish this article|republish this (?:article|story)|all rights reserved)\b.*$/iu },
];

/** Longer lines are article text (or an icon list). */
const MAX_BOILERPLATE_LINE = 200;

/** How many "icon" words make a line an icon-font list ("icon bookmark-bicon cameraicon …"). */
const ICON_LIST_MIN = 5;

/** The rule that makes the lines after a header line links too ("Related stories" then titles). */
export const RELATED_LINKS = 'related link';

/** A link title under a "Related" header: short, no sentence punctuation at its end. */
export function looksLikeLinkTitle(line: string): boolean {
  return line.split(/\s+/).length <= 14 && !/[.!?:;,]$/.test(line);
}

/** The rule a line matches, or undefined when it is article text. */
export function boilerplateRule(line: string): string | undefined {
  // Boilerplate is short; only an icon list runs long, and long lines are costly to match.
  const rule = line.length <= MAX_BOILERPLATE_LINE ? RULES.find((r) => r.pattern.test(line)) : undefined;
  if (rule) return rule.name;
  return (line.match(/icon/giu)?.length ?? 0) >= ICON_LIST_MIN ? 'icon list' : undefined;
}
