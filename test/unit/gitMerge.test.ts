// Real git on a temporary repository: two annotators tag the same document on two branches.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFLICT_NOTE_PREFIX } from '../../src/core/merge/mergeSidecars';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { ARTICLE, parsed, remove, tag, update } from './sidecarFixtures';
import { tempDir } from './tempDirs';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const DOC = 'article.txt';
const SIDECAR = 'article.txt.annotations.yaml';

class Repo {
  readonly dir = tempDir('git');

  constructor() {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'commit.gpgsign', 'false');
    fs.writeFileSync(path.join(this.dir, DOC), ARTICLE);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' });
  }

  read(): string {
    return fs.readFileSync(path.join(this.dir, SIDECAR), 'utf8');
  }

  commit(sidecar: string | undefined, message: string): void {
    if (sidecar !== undefined) fs.writeFileSync(path.join(this.dir, SIDECAR), sidecar);
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
  }

  /** `git merge` of `branch` into the current branch: its exit status and output. */
  merge(branch: string): { status: number | null; output: string } {
    const r = spawnSync('git', ['merge', '--no-edit', branch], { cwd: this.dir, encoding: 'utf8' });
    return { status: r.status, output: r.stdout + r.stderr };
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Base: alice and bob each tagged the article once. Then alice works on branch `alice`, bob on
 * `bob`, each changing the base sidecar with `onAlice`/`onBob`, and bob merges alice's branch.
 */
function twoBranches(onAlice: (base: string) => string, onBob: (base: string) => string): { repo: Repo; merge: { status: number | null; output: string } } {
  const repo = new Repo();
  let base = tag(undefined, ARTICLE, { phrase: 'Russia has called on NATO', author: 'alice' }).sidecar;
  base = tag(base, ARTICLE, { phrase: 'Dialogue [on the AMD issue]', kind: 'quote', author: 'bob' }).sidecar;
  repo.commit(base, 'base');
  repo.git('checkout', '-q', '-b', 'alice');
  repo.commit(onAlice(base), 'alice');
  repo.git('checkout', '-q', 'main');
  repo.git('checkout', '-q', '-b', 'bob');
  repo.commit(onBob(base), 'bob');
  return { repo, merge: repo.merge('alice') };
}

function idsOf(sidecar: string): string[] {
  return parsed(sidecar).annotations.map((a) => a.id).sort();
}

describe('git merge of sidecars (real git, no merge driver)', function () {
  this.timeout(30000);
  const repos: Repo[] = [];
  after(() => repos.forEach((r) => r.remove()));

  it('merges two annotators adding in different places', () => {
    const added: string[] = [];
    const { repo, merge } = twoBranches(
      (base) => {
        const r = tag(base, ARTICLE, { phrase: 'the Lisbon summit', author: 'alice' });
        added.push(...r.ids);
        return r.sidecar;
      },
      (base) => {
        const r = tag(base, ARTICLE, { phrase: 'Russian Foreign Minister Sergey Lavrov (L)', kind: 'quote', author: 'bob' });
        added.push(...r.ids);
        return r.sidecar;
      },
    );
    repos.push(repo);
    assert.equal(merge.status, 0, merge.output);
    const ids = idsOf(repo.read());
    assert.equal(ids.length, 4);
    for (const id of added) assert.ok(ids.includes(id), `${id} missing after the merge`);
  });

  it('merges two annotators tagging the same passage', () => {
    const added: string[] = [];
    const phrase = 'switch to cooperation in the security field';
    const { repo, merge } = twoBranches(
      (base) => {
        const r = tag(base, ARTICLE, { phrase, author: 'alice' });
        added.push(...r.ids);
        return r.sidecar;
      },
      (base) => {
        const r = tag(base, ARTICLE, { phrase, kind: 'speculation', author: 'bob' });
        added.push(...r.ids);
        return r.sidecar;
      },
    );
    repos.push(repo);
    assert.equal(merge.status, 0, merge.output);
    const merged = parsed(repo.read());
    assert.deepEqual(merged.annotations.filter((a) => a.text === phrase).map((a) => a.id).sort(), [...added].sort());
  });

  it('merges one annotator setting a speaker while the other adds next to that annotation', () => {
    let changed = '';
    let added = '';
    const { repo, merge } = twoBranches(
      (base) => {
        changed = parsed(base).annotations.find((a) => a.author === 'bob')?.id ?? '';
        return update(base, ARTICLE, changed, { speaker: 'Sergey Lavrov' });
      },
      (base) => {
        const r = tag(base, ARTICLE, { phrase: 'is not going as fast', kind: 'claim', author: 'bob' });
        added = r.ids[0];
        return r.sidecar;
      },
    );
    repos.push(repo);
    assert.equal(merge.status, 0, merge.output);
    const merged = parsed(repo.read());
    assert.equal(merged.annotations.find((a) => a.id === changed)?.speaker, 'Sergey Lavrov');
    assert.ok(merged.annotations.some((a) => a.id === added));
    assert.equal(merged.annotations.length, 3);
  });

  it('merges a first-time annotator with one who adds after all of her annotations', () => {
    const repo = new Repo();
    repos.push(repo);
    const base = tag(undefined, ARTICLE, { phrase: 'Russia has called on NATO', author: 'bob' }).sidecar;
    repo.commit(base, 'base');
    repo.git('checkout', '-q', '-b', 'bob');
    const bob = tag(base, ARTICLE, { phrase: 'the Lisbon summit', author: 'bob' });
    repo.commit(bob.sidecar, 'bob');
    repo.git('checkout', '-q', 'main');
    const carol = tag(base, ARTICLE, { phrase: 'the Lisbon summit', kind: 'quote', author: 'carol' });
    repo.commit(carol.sidecar, 'carol');
    const merge = repo.merge('bob');
    assert.equal(merge.status, 0, merge.output);
    const ids = idsOf(repo.read());
    assert.ok(ids.includes(bob.ids[0]) && ids.includes(carol.ids[0]) && ids.length === 3, ids.join());
  });

  it('conflicts when both branches create the sidecar (no common base), which the driver resolves', () => {
    const repo = new Repo();
    repos.push(repo);
    repo.commit(undefined, 'document only');
    repo.git('checkout', '-q', '-b', 'alice');
    repo.commit(tag(undefined, ARTICLE, { phrase: 'Russia has called on NATO', author: 'alice' }).sidecar, 'alice');
    repo.git('checkout', '-q', 'main');
    repo.commit(tag(undefined, ARTICLE, { phrase: 'the Lisbon summit', author: 'bob' }).sidecar, 'bob');
    assert.notEqual(repo.merge('alice').status, 0);
    repo.git('merge', '--abort');

    configureDriver(repo);
    const merge = repo.merge('alice');
    assert.equal(merge.status, 0, merge.output);
    assert.equal(idsOf(repo.read()).length, 2);
  });
});

function configureDriver(repo: Repo): void {
  fs.writeFileSync(path.join(repo.dir, '.gitattributes'), '*.annotations.yaml merge=source-annotator\n');
  repo.git('config', 'merge.source-annotator.name', 'Source Annotator sidecar merge');
  repo.git('config', 'merge.source-annotator.driver', `node ${JSON.stringify(CLI)} merge %O %A %B`);
}

describe('source-annotator merge as a git merge driver (real git)', function () {
  this.timeout(30000);
  let repo: Repo;
  afterEach(() => repo.remove());

  it('keeps both versions of an annotation changed differently on both branches, and git reports the conflict', () => {
    repo = new Repo();
    configureDriver(repo);
    const base = tag(undefined, ARTICLE, { phrase: 'Russia has called on NATO', author: 'alice' });
    const id = base.ids[0];
    repo.commit(base.sidecar, 'base');
    repo.git('checkout', '-q', '-b', 'alice');
    repo.commit(update(base.sidecar, ARTICLE, id, { note: 'reported speech' }), 'alice');
    repo.git('checkout', '-q', 'main');
    repo.commit(update(base.sidecar, ARTICLE, id, { note: 'a direct statement' }), 'bob');

    const merge = repo.merge('alice');
    assert.notEqual(merge.status, 0, 'git must report the conflict so the user picks a version');
    assert.match(merge.output, /CONFLICT/);
    const text = repo.read();
    const result = parseSidecar(text);
    assert.ok(result.ok, 'the driver leaves a valid sidecar, without conflict markers');
    const notes = result.sidecar.annotations.map((a) => a.note).sort();
    assert.deepEqual(notes, ['a direct statement', `${CONFLICT_NOTE_PREFIX}${id}. reported speech`]);
  });

  it('merges an edit on one branch and a deletion of another annotation on the other', () => {
    repo = new Repo();
    configureDriver(repo);
    const base = tag(undefined, ARTICLE, { phrase: 'Russia has called on NATO', author: 'alice' }, { phrase: 'the Lisbon summit', author: 'alice' });
    const [first, second] = base.ids;
    repo.commit(base.sidecar, 'base');
    repo.git('checkout', '-q', '-b', 'alice');
    repo.commit(update(base.sidecar, ARTICLE, first, { kind: 'quote' }), 'alice');
    repo.git('checkout', '-q', 'main');
    repo.commit(remove(base.sidecar, ARTICLE, second), 'bob');

    const merge = repo.merge('alice');
    assert.equal(merge.status, 0, merge.output);
    const merged = parsed(repo.read());
    assert.deepEqual(merged.annotations.map((a) => [a.id, a.kind]), [[first, 'quote']]);
  });
});
