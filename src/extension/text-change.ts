// What changed between two versions of a document's text, as one replaced span, so that a worker which holds the
// older version is sent only the change. Posting a whole 4.9 MB text to a Web Worker copies it on the sending thread:
// 140-180 ms of the web extension host's thread, measured; finding the change takes a few.

/** The span [start, end) of the older text replaced by `insert`; `length` is the newer text's, a check on arrival. */
export interface TextChange {
  start: number;
  end: number;
  insert: string;
  length: number;
}

export function textChange(before: string, after: string): TextChange {
  if (before === after) return { start: before.length, end: before.length, insert: '', length: after.length };
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, insert: after.slice(start, after.length - tail), length: after.length };
}

/** The newer text, or undefined when the change cannot be of `before` (a worker that does not hold what was meant). */
export function applyTextChange(before: string, change: TextChange): string | undefined {
  const { start, end, insert, length } = change;
  if (!(start >= 0 && start <= end && end <= before.length) || before.length - (end - start) + insert.length !== length) return undefined;
  return before.slice(0, start) + insert + before.slice(end);
}
