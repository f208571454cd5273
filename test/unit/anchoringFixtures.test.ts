import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorAnnotation, type AnchorResult } from '../../src/core/anchoring/anchorAnnotation';

/**
 * The re-anchoring cases other anchoring libraries ship in their own test suites (Hypothesis
 * client, Apache Annotator, dom-anchor-text-quote; see test/fixtures/anchoring/README.md for
 * sources and licences), run against ours. Every case must give the library's answer, except the
 * few listed in DIFFERENT, where our rules differ on purpose; those must give exactly the answer
 * recorded there, so a change either way shows up here.
 */

interface Span {
  start: number;
  end: number;
}

interface FixtureCase {
  id: string;
  text: string;
  quote: string;
  prefix: string;
  suffix: string;
  hint: number | null;
  expected: Span | null;
  allMatches?: Span[];
}

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'anchoring');
const FILES = ['hypothesis-client.json', 'apache-annotator.json', 'dom-anchor-text-quote.json'];

type Outcome = { placed: Span } | { orphan: AnchorResult['status'] };

const DIFFERENT: Record<string, { ours: Outcome; why: string }> = {
  'hypothesis-client:match-quote-test/uses `hint` as a tie-breaker (hint A)': {
    ours: { orphan: 'ambiguous' },
    why: 'two equally good fuzzy copies 26 characters apart and no context: a position is trusted only when clearly nearer, since edits shift positions',
  },
  'hypothesis-client:match-quote-test/uses `hint` as a tie-breaker (hint B)': { ours: { orphan: 'ambiguous' }, why: 'as hint A' },
  'hypothesis-client:match-quote-test/uses `hint` as a tie-breaker (no hint)': { ours: { orphan: 'ambiguous' }, why: 'as hint A; the library takes the first' },
  'hypothesis-client:match-quote-test/matches when match ends at end of text and there is a non-empty suffix': {
    ours: { orphan: 'orphaned' },
    why: 'a four-character quote whose recorded suffix is gone: a short quote needs its context',
  },
  'apache-annotator:text-quote/match: with prefix, no matches': {
    ours: { placed: { start: 12, end: 17 } },
    why: 'context is matched fuzzily: "oopsum " is one edit from "ipsum "; the library matches context exactly',
  },
  'apache-annotator:text-quote/match: with suffix, no matches': { ours: { placed: { start: 12, end: 17 } }, why: '" amot" is one edit from " amet"' },
  'apache-annotator:text-quote/match.test: ignores quote extending just beyond scope': {
    ours: { placed: { start: 12, end: 19 } },
    why: 'there are no search scopes here, and "dolor a" is one edit from "dolor am" (a fifth of a quote may be edited)',
  },
  'apache-annotator:text-quote/match.test: ignores quote starting just before scope': {
    ours: { placed: { start: 0, end: 7 } },
    why: 'no search scopes here, and "olor am" is one edit from "dolor am"',
  },
  'dom-anchor-text-quote:toRange/returns null when a long quote is not found (0)': {
    ours: { placed: { start: 287, end: 326 } },
    why: 'nine edits in a 48-character quote are under a fifth; with no context recorded, nothing asks the span to end between words',
  },
  'dom-anchor-text-quote:toRange/finds a close exact quote': {
    ours: { orphan: 'changed' },
    why: 'three edits in a 13-character quote with no context: more than a fifth, and nothing pins the place (with context on both sides, a quarter is allowed: see "finds a close quote using context")',
  },
  'dom-anchor-text-quote:toRange/succeeds with the best match even if the context fails': {
    ours: { orphan: 'orphaned' },
    why: 'a quote under 24 characters whose recorded context is wholly different is not placed',
  },
};

function outcome(result: AnchorResult, hint: number, length: number): Outcome {
  if (result.status === 'intact') return { placed: { start: hint, end: hint + length } };
  if (result.status === 'moved') return { placed: { start: result.span.start, end: result.span.end } };
  return { orphan: result.status };
}

describe('re-anchoring: the test cases of other anchoring libraries', () => {
  const cases: FixtureCase[] = FILES.flatMap((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as FixtureCase[]);

  it('has the cases of three libraries, 116 in all, 11 of them about empty quotes (which annotations never have)', () => {
    assert.equal(cases.length, 116);
    assert.equal(cases.filter((c) => c.quote.length === 0).length, 11);
  });

  it("gives each library's answer, or exactly the answer our rules give on purpose", () => {
    const tally = { agree: 0, different: 0 };
    for (const c of cases.filter((k) => k.quote.length > 0)) {
      const hint = c.hint ?? 0;
      // The libraries' selectors may have no context or position at all: empty context means
      // "none recorded" here, and a missing hint "position unknown".
      const target = { text: c.quote, prefix: c.prefix, suffix: c.suffix, start: hint, end: hint + c.quote.length, contextUnrecorded: true };
      const got = outcome(anchorAnnotation(target, c.text, c.hint), hint, c.quote.length);
      const different = DIFFERENT[c.id];
      if (different) {
        assert.deepEqual(got, different.ours, `${c.id}: ${different.why}`);
        tally.different++;
        continue;
      }
      if (c.allMatches && c.allMatches.length > 1) {
        // Several equally good places: a single-answer matcher says so, or takes one of them.
        const ok = ('orphan' in got && got.orphan === 'ambiguous') || ('placed' in got && c.allMatches.some((m) => m.start === got.placed.start && m.end === got.placed.end));
        assert.ok(ok, `${c.id}: expected ambiguous or one of ${JSON.stringify(c.allMatches)}, got ${JSON.stringify(got)}`);
      } else {
        if (c.expected) assert.deepEqual(got, { placed: c.expected }, c.id);
        else assert.ok('orphan' in got, `${c.id}: the library finds nothing, and neither may we; got ${JSON.stringify(got)}`);
      }
      tally.agree++;
    }
    assert.deepEqual(tally, { agree: 94, different: 11 });
  });
});
