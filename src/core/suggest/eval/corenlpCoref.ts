/**
 * The coreference chains of a Stanford CoreNLP XML file (PolNeAR ships one per article, made by
 * its authors with CoreNLP's coreference annotator): an independent reading of whom a pronoun
 * stands for, to check the gold's own rule (the nearest named source before it) against.
 */

interface Token {
  readonly start: number;
  readonly end: number;
  readonly pos: string;
}

/** A mention: character offsets, and the offsets of its proper-noun words (may be empty). */
interface Mention {
  readonly start: number;
  readonly end: number;
  readonly head: Token;
  readonly proper: readonly Token[];
}

export interface CorefDocument {
  readonly chains: readonly (readonly Mention[])[];
}

const SENTENCE = /<sentence id="\d+">([\s\S]*?)<\/sentence>/gu;
const TOKEN = /<token id="\d+">[\s\S]*?<CharacterOffsetBegin>(\d+)<\/CharacterOffsetBegin>\s*<CharacterOffsetEnd>(\d+)<\/CharacterOffsetEnd>\s*<POS>([^<]*)<\/POS>/gu;
const CHAIN = /<coreference>\s*(<mention[\s\S]*?)<\/coreference>/gu;
const MENTION = /<mention[^>]*>\s*<sentence>(\d+)<\/sentence>\s*<start>(\d+)<\/start>\s*<end>(\d+)<\/end>\s*<head>(\d+)<\/head>/gu;

/** Reads the tokens and chains of a CoreNLP XML document (the regular layout CoreNLP writes). */
export function parseCorenlpCoref(xml: string): CorefDocument {
  const corefAt = xml.indexOf('<coreference>');
  const sentences: Token[][] = [];
  for (const s of (corefAt < 0 ? xml : xml.slice(0, corefAt)).matchAll(SENTENCE)) {
    sentences.push([...s[1].matchAll(TOKEN)].map((t) => ({ start: Number(t[1]), end: Number(t[2]), pos: t[3] })));
  }
  const chains: Mention[][] = [];
  if (corefAt >= 0) {
    for (const chain of xml.slice(corefAt).matchAll(CHAIN)) {
      const mentions: Mention[] = [];
      for (const m of chain[1].matchAll(MENTION)) {
        const tokens = sentences[Number(m[1]) - 1]?.slice(Number(m[2]) - 1, Number(m[3]) - 1) ?? [];
        const head = sentences[Number(m[1]) - 1]?.[Number(m[4]) - 1];
        if (tokens.length === 0 || !head) continue;
        mentions.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, head, proper: tokens.filter((t) => t.pos === 'NNP' || t.pos === 'NNPS') });
      }
      if (mentions.length > 1) chains.push(mentions.sort((a, b) => a.start - b.start));
    }
  }
  return { chains };
}

/**
 * The name CoreNLP's chains give the pronoun at `text[start, end)`: the nearest mention before it
 * in its chain that holds proper nouns (their stretch, "Hillary Clinton" of "Hillary Clinton 's"),
 * else the chain's first such mention after it; undefined when the pronoun is in no chain or the
 * chain names no one.
 */
export function corefName(document: CorefDocument, text: string, start: number, end: number): string | undefined {
  for (const chain of document.chains) {
    const own = chain.find((m) => m.head.start >= start && m.head.end <= end);
    if (!own) continue;
    const named = chain.filter((m) => m !== own && m.proper.length > 0);
    const before = named.filter((m) => m.start < own.start);
    const pick = before[before.length - 1] ?? named[0];
    if (!pick) return undefined;
    return text.slice(pick.proper[0].start, pick.proper[pick.proper.length - 1].end);
  }
  return undefined;
}
