// The shipped annotations of seeds/ are a gold set (see README "Annotation conventions (seeds)"):
// they must load cleanly, stay canonical, and follow the conventions they are documented with.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../../src/core/annotation';
import { loadSidecar, renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { SEEDS } from './sidecarFixtures';

const documents = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

function lineOf(text: string, a: Annotation): string {
  const from = text.lastIndexOf('\n', a.start - 1) + 1;
  const to = text.indexOf('\n', a.end);
  return text.slice(from, to === -1 ? text.length : to);
}

describe('seed annotations', () => {
  it('ships a sidecar for each of the five seed documents', () => {
    assert.equal(documents.length, 5);
    for (const doc of documents) assert.ok(fs.existsSync(path.join(SEEDS, `${doc}.annotations.yaml`)), `${doc} has no sidecar`);
  });

  for (const doc of documents) {
    describe(doc, () => {
      const text = fs.readFileSync(path.join(SEEDS, doc), 'utf8');
      const sidecar = fs.readFileSync(path.join(SEEDS, `${doc}.annotations.yaml`), 'utf8');
      const loaded = loadSidecar(sidecar, text);
      const all = loaded.ok ? loaded.annotations.all : [];
      const ofKind = (kind: string) => all.filter((a) => a.kind === kind);

      it('loads against its unchanged document with every span in place', () => {
        assert.ok(loaded.ok, JSON.stringify(loaded.ok || loaded.problems));
        assert.equal(loaded.documentChanged, false);
        assert.deepEqual(loaded.anchoring.moved, []);
        assert.deepEqual(loaded.anchoring.orphaned, []);
        assert.ok(all.length > 0);
      });

      it('is canonical: rendering it again gives the same bytes', () => {
        assert.ok(loaded.ok);
        assert.equal(renderSidecar(loaded.annotations, text), sidecar);
      });

      it('has trimmed spans inside one paragraph, all by the seed annotator', () => {
        for (const a of all) {
          assert.equal(a.text, a.text.trim(), `untrimmed: ${a.text}`);
          assert.ok(!a.text.includes('\n\n'), `crosses a paragraph: ${a.text}`);
          assert.equal(a.author, 'source-annotator');
        }
      });

      it('quotes exclude their quotation marks and have a speaker or a note saying why not', () => {
        for (const q of ofKind('quote')) {
          assert.equal(text[q.end], '”', `no closing mark after: ${q.text}`);
          // The one exception is a paragraph whose opening mark the source lost.
          assert.ok(text[q.start - 1] === '“' || text[q.start - 1] === '\n', `no opening mark before: ${q.text}`);
          assert.ok(q.speaker || q.note, `no speaker and no note: ${q.text}`);
        }
      });

      it('claims are bare reported clauses with a speaker', () => {
        for (const c of ofKind('claim')) {
          assert.ok(c.speaker, `no speaker: ${c.text}`);
          assert.match(c.text, /[^.,;:!?]$/, `ends with punctuation: ${c.text}`);
          assert.doesNotMatch(c.text, /^that /, `starts with the complementizer: ${c.text}`);
        }
      });

      it('speculation is whole sentences in the writer\'s own voice (no speaker)', () => {
        for (const s of ofKind('speculation')) {
          assert.equal(s.speaker, undefined);
          assert.match(s.text, /^[A-Z]/, `not a sentence start: ${s.text}`);
          assert.match(s.text, /[.?!]$/, `not a sentence end: ${s.text}`);
        }
      });

      it('advertisement spans are whole lines (without indentation)', () => {
        for (const a of ofKind('advertisement')) {
          assert.equal(a.speaker, undefined);
          assert.equal(lineOf(text, a).trim(), a.text);
        }
      });
    });
  }
});
