// Where a case file's `exercise:` may point: a path relative to the case file's folder or to a workspace folder,
// and never out of them. Absolute paths and addresses (file:, https:, any scheme) are refused with the reason, so
// that opening a case file cannot make the editor read a file anywhere it can reach. Pure: POSIX-style paths only.

/** A POSIX path with `.`, `..` and repeated slashes resolved (no file system: the core runs in the browser too). */
function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  return `${absolute ? '/' : ''}${parts.join('/')}` || (absolute ? '/' : '.');
}

const posix = { normalize: normalise, join: (...paths: string[]): string => normalise(paths.join('/')) };

export type ExerciseReference =
  | { ok: true; /** Paths to try, in order: beside the case file, then each workspace folder. */ candidates: string[] }
  | { ok: false; reason: string };

const withScheme = /^[a-z][a-z0-9+.-]+:/i;
const windowsDrive = /^[a-z]:[\\/]/i;

/** Whether `inner` is `outer` or under it (both normalised absolute POSIX paths). */
export function isInside(inner: string, outer: string): boolean {
  const base = outer.endsWith('/') ? outer : `${outer}/`;
  return inner === outer || inner.startsWith(base);
}

/**
 * The places a reference may name. `caseFolder`: the case file's folder (undefined for an untitled file);
 * `roots`: the workspace folders, the case file's own first. Every candidate lies inside the case file's folder or a
 * workspace folder.
 */
export function resolveExerciseReference(reference: string, caseFolder: string | undefined, roots: readonly string[]): ExerciseReference {
  const written = reference.trim();
  if (written === '') return { ok: false, reason: 'the `exercise:` is empty' };
  if (windowsDrive.test(written) || written.startsWith('/') || written.startsWith('\\')) {
    return { ok: false, reason: 'an absolute path is not followed: name the exercise by a path from the case file or the workspace folder, such as `exercises/week-3.exercise.md`' };
  }
  if (withScheme.test(written)) {
    return { ok: false, reason: 'an address is not followed: name the exercise by a path from the case file or the workspace folder, such as `exercises/week-3.exercise.md`' };
  }
  if (/[\0]/.test(written)) return { ok: false, reason: 'the path holds a character no file name can' };
  const relative = written.replace(/\\/g, '/');
  const allowed = [...(caseFolder ? [posix.normalize(caseFolder)] : []), ...roots.map((r) => posix.normalize(r))];
  const inAllowed = (candidate: string): boolean => allowed.some((root) => isInside(candidate, root));
  const candidates: string[] = [];
  const add = (candidate: string): void => {
    if (!candidates.includes(candidate)) candidates.push(candidate);
  };
  if (caseFolder) {
    const beside = posix.join(posix.normalize(caseFolder), relative);
    // `../exercises/…` from a case file in a subfolder stays in the workspace: allowed; further out is not.
    if (inAllowed(beside)) add(beside);
  }
  for (const root of roots) {
    const inRoot = posix.join(posix.normalize(root), relative);
    if (isInside(inRoot, posix.normalize(root))) add(inRoot);
  }
  if (candidates.length === 0) return { ok: false, reason: 'the path leads out of the case file’s folder and the workspace folder, which CaseMark does not follow' };
  return { ok: true, candidates };
}
