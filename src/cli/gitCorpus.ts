import { execFile } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { compareAnnotations } from '../core/annotation';
import type { CorpusDocument } from '../core/corpus/annotatedDocument';
import { isInsideFolder } from '../core/corpus/insideFolder';
import { documentTextOfBytes, readDocumentText } from '../core/corpus/readFiles';
import type { AnnotationScheme } from '../core/scheme/scheme';
import { toStoredAnnotations } from '../core/sidecar/sidecarCodec';
import { loadSidecar } from '../core/sidecar/sidecarDocument';
import { decodeSidecarBytes } from '../core/sidecar/sidecarBytes';
import { documentPathForSidecar, isSidecarPath } from '../core/sidecar/sidecarFormat';
import { UsageError } from './cliIO';
import { orderedMap } from './orderedMap';

const run = promisify(execFile);
/** Sidecars and documents read from git at once: enough to hide latency, few enough for any machine. */
const CONCURRENCY = 8;

/** A git repository the command line reads sidecars of other versions from. */
export class GitRepository {
  private constructor(readonly root: string) {}

  /** The repository the working directory is in; a usage error outside one or without git. */
  static async at(cwd: string): Promise<GitRepository> {
    try {
      const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
      return new GitRepository(stdout.trim());
    } catch {
      throw new UsageError('not inside a git repository (or git is not installed)');
    }
  }

  /** The commit a ref names; a usage error when it names none. */
  async commit(ref: string): Promise<string> {
    if (ref.startsWith('-')) throw new UsageError(`not a git ref: ${ref}`);
    try {
      const { stdout } = await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: this.root });
      return stdout.trim();
    } catch {
      throw new UsageError(`not a git ref: ${ref}`);
    }
  }

  /** Paths (relative to the root, `/`-separated) of the sidecars under `paths` at a commit. */
  async sidecarsAt(commit: string, paths: readonly string[]): Promise<string[]> {
    const { stdout } = await run('git', ['ls-tree', '-r', '-z', '--name-only', commit, '--', ...paths.map((p) => this.relative(p))], {
      cwd: this.root,
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout.split('\0').filter((p) => p !== '' && isSidecarPath(p)).sort();
  }

  /** A file's bytes at a commit, or undefined when it is not there. */
  async bytesAt(commit: string, path: string): Promise<Buffer | undefined> {
    try {
      const { stdout } = await run('git', ['show', `${commit}:${path}`], { cwd: this.root, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
      return stdout;
    } catch {
      return undefined;
    }
  }

  /** A path given on the command line as the repository-relative, `/`-separated path git wants. */
  relative(path: string): string {
    const absolute = resolve(path);
    if (!isInsideFolder(this.root, absolute)) throw new UsageError(`${path} is outside the git repository ${this.root}`);
    return relative(this.root, absolute).split(sep).join('/') || '.';
  }

  absolute(path: string): string {
    return resolve(this.root, path);
  }
}

/** A sidecar of a commit that could not be taken, with why. */
export interface GitCorpusProblem {
  /** The sidecar's path, repository-relative. */
  readonly path: string;
  /** Its document's path, repository-relative. */
  readonly document: string;
  readonly message: string;
}

/**
 * The corpus as it was at a commit: each sidecar there, read against the document's CURRENT text
 * when the working tree has it (so two versions are compared on one text; re-anchoring moves what
 * the text edits moved), else against the document as it was at that commit.
 */
export async function corpusAtCommit(repo: GitRepository, commit: string, paths: readonly string[], scheme: AnnotationScheme): Promise<{ corpus: CorpusDocument[]; problems: GitCorpusProblem[] }> {
  const sidecars = await repo.sidecarsAt(commit, paths);
  const corpus: CorpusDocument[] = [];
  const problems: GitCorpusProblem[] = [];
  for await (const read of orderedMap(sidecars, CONCURRENCY, (sidecarPath) => readAtCommit(repo, commit, sidecarPath, scheme))) {
    if ('problem' in read) problems.push(read.problem);
    else corpus.push(read.doc);
  }
  // By document path, not quite the sidecars' order: "a" sorts before "a-b", but "a-b.annotations.yaml" before "a.annotations.yaml".
  corpus.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { corpus, problems };
}

async function readAtCommit(repo: GitRepository, commit: string, sidecarPath: string, scheme: AnnotationScheme): Promise<{ doc: CorpusDocument } | { problem: GitCorpusProblem }> {
  const documentPath = documentPathForSidecar(sidecarPath) ?? sidecarPath;
  const problem = (message: string) => ({ problem: { path: sidecarPath, document: documentPath, message } });
  const bytes = await repo.bytesAt(commit, sidecarPath);
  const decoded = bytes && decodeSidecarBytes(bytes);
  if (!decoded || !decoded.ok) return problem(decoded ? `${decoded.problem.line}:${decoded.problem.column}: ${decoded.problem.message}` : 'cannot be read from git');
  const text = await documentText(repo, commit, documentPath);
  if (text === undefined) return problem('its document is neither in the working tree nor in that commit');
  const loaded = loadSidecar(decoded.text, text, scheme);
  if (!loaded.ok) {
    const first = loaded.problems[0];
    return problem(`not a valid sidecar at that commit (${first.line}:${first.column}: ${first.message})`);
  }
  return { doc: { path: documentPath, documentText: text, annotations: toStoredAnnotations(loaded.annotations.all, text).sort(compareAnnotations) } };
}

async function documentText(repo: GitRepository, commit: string, documentPath: string): Promise<string | undefined> {
  const current = await readDocumentText(repo.absolute(documentPath));
  if (current.ok) return current.text;
  const old = await repo.bytesAt(commit, documentPath);
  return old && documentTextOfBytes(old);
}
