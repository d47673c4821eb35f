/**
 * Discovery: paths → the sorted list of candidate files. Directories are walked in sorted order,
 * `.git` and `node_modules` are skipped, symlink loops are detected, and an unreadable path is a
 * diagnostic.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { type DiagnosticSink } from '../core/diagnostics.js';
import { cmp } from '../core/order.js';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);
/** Extensions archmap reads; anything else in a walked directory is ignored silently. */
export const INPUT_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);

export interface DiscoveredFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the working directory with `/` separators: what every output shows. */
  readonly display: string;
  readonly size: number;
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export function discoverFiles(paths: readonly string[], cwd: string, sink: DiagnosticSink, exclude: readonly string[] = []): DiscoveredFile[] {
  // By real path: a file reached through two paths (a symlinked directory) is read once.
  const found = new Map<string, DiscoveredFile>();
  const visitedDirs = new Set<string>();
  const ancestors: string[] = [];
  // Compared by real path: an output written through a symlinked directory is still the same file.
  const excluded = new Set(exclude.flatMap(realPath));

  const visit = (path: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      sink.error('input/unreadable', displayPath(cwd, path), undefined, `cannot read: ${errorMessage(err)}`);
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch (err) {
        sink.error('input/unreadable', displayPath(cwd, path), undefined, `cannot resolve: ${errorMessage(err)}`);
        return;
      }
      if (ancestors.includes(real)) {
        sink.warning('input/symlink-loop', displayPath(cwd, path), undefined, 'directory inside itself (symlink loop); skipped');
        return;
      }
      if (visitedDirs.has(real)) {
        sink.info('input/already-read', displayPath(cwd, path), undefined, 'directory already read through another path; skipped');
        return;
      }
      visitedDirs.add(real);
      let names: string[];
      try {
        names = readdirSync(path);
      } catch (err) {
        sink.error('input/unreadable', displayPath(cwd, path), undefined, `cannot list directory: ${errorMessage(err)}`);
        return;
      }
      ancestors.push(real);
      for (const name of names.sort(cmp)) {
        if (SKIP_DIRS.has(name)) continue;
        visit(join(path, name), false);
      }
      ancestors.pop();
      return;
    }
    if (!st.isFile()) return;
    if (!explicit && !INPUT_EXTENSIONS.has(extname(path).toLowerCase())) return;
    const [real = resolve(path)] = realPath(path);
    // The output file of the run (`-o`) is never one of its inputs.
    if (excluded.has(real)) return;
    const display = displayPath(cwd, path);
    if (!found.has(real)) found.set(real, { path, display, size: st.size });
  };

  // Roots in order of their display path, so which path names a file read twice does not depend on argument order.
  for (const p of [...paths].sort((a, b) => cmp(displayPath(cwd, a), displayPath(cwd, b)))) visit(p, true);
  return [...found.values()].sort((a, b) => cmp(a.display, b.display));
}

/** The real path of `path`, if it exists. */
function realPath(path: string): string[] {
  try {
    return [realpathSync(path)];
  } catch {
    return [];
  }
}

/**
 * An error as a message. A system error's own text already starts with its code and ends with the
 * call and the path (`ENOENT: no such file or directory, open '/x/.out.md.123.tmp'`): callers name
 * the path themselves, so the call and the path (possibly a temporary file's) are left out.
 */
export function errorMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  if (code === undefined) return err.message;
  const text = err.message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
  return text.startsWith(`${code}:`) ? text : `${code}: ${text}`;
}
