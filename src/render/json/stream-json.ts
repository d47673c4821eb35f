/**
 * `JSON.stringify(value, null, indent)` as a stream of pieces, for values whose text is longer than
 * V8's longest string. The bytes are the same as JSON.stringify's: keys in `Object.keys` order,
 * `undefined`/functions/symbols omitted from objects and `null` in arrays, `toJSON` honoured, empty
 * containers as `[]`/`{}`. Small subtrees (see `SMALL_BUDGET`) are written by JSON.stringify itself
 * and re-indented (its output has no raw newline inside strings, so every `\n` starts a line);
 * containers larger than that are walked here, one member at a time.
 */

/** Estimated output length below which a container is stringified in one native call. */
export const SMALL_BUDGET = 16 * 1024;

/** `smallBudget` 0 walks every container here (tests use it to cover the streamed path). */
export function* streamJson(value: unknown, indent = 2, smallBudget = SMALL_BUDGET): Generator<string, void, undefined> {
  const v = toJson('', value);
  if (!omitted(v)) yield* valueText(v, { pad: '', step: ' '.repeat(indent), budget: smallBudget });
}

interface At {
  /** Indentation of the value's first line. */
  readonly pad: string;
  readonly step: string;
  readonly budget: number;
}

const deeper = (at: At): At => ({ ...at, pad: at.pad + at.step });

/** One value (already through `toJSON`, not omitted), starting at an indentation of `pad`. */
function* valueText(v: unknown, at: At): Generator<string, void, undefined> {
  if (typeof v !== 'object' || v === null || isBoxed(v) || (!hasToJson(v) && isSmall(v, at.budget))) {
    yield stringifyAt(v, at) ?? 'null';
  } else if (Array.isArray(v)) {
    yield* streamArray(v, at);
  } else {
    yield* streamObject(v as Record<string, unknown>, at);
  }
}

/** Array entries written by one JSON.stringify call (a large array's entries are mostly small). */
const GROUP = 32;

function* streamArray(items: readonly unknown[], at: At): Generator<string, void, undefined> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = deeper(at);
  for (let from = 0; from < items.length; from += GROUP) {
    const to = Math.min(items.length, from + GROUP);
    const lead = from === 0 ? `[\n${inner.pad}` : `,\n${inner.pad}`;
    const group = at.budget > 0 ? groupText(items, from, to, at) : undefined;
    if (group !== undefined) {
      yield lead + group;
      continue;
    }
    // Not one call (an entry with `toJSON`, or too long): this group's entries are walked one by one.
    for (let i = from; i < to; i++) {
      yield i === from ? lead : `,\n${inner.pad}`;
      const v = toJson(String(i), items[i]);
      if (omitted(v)) yield 'null';
      else yield* valueText(v, inner);
    }
  }
  yield `\n${at.pad}]`;
}

/**
 * Entries `from…to` as JSON.stringify writes them inside the array (joined by `,` and a line break,
 * indented one step deeper than `at`), or undefined when the streamer must walk them: an entry with
 * `toJSON` (it would see its index within the group), or text too long for one string.
 */
function groupText(items: readonly unknown[], from: number, to: number, at: At): string | undefined {
  if (to - from < 2) return undefined;
  const group = items.slice(from, to);
  if (group.some(hasToJson)) return undefined;
  let text: string | undefined;
  try {
    text = stringifyAt(group, at);
  } catch (err) {
    // Longer than V8's longest string: these entries are streamed one by one.
    if (err instanceof RangeError) return undefined;
    throw err;
  }
  // `[\n<pad><step>a,\n<pad><step>b\n<pad>]` → `a,\n<pad><step>b`.
  return text?.slice(2 + at.pad.length + at.step.length, -(2 + at.pad.length));
}

function* streamObject(obj: Record<string, unknown>, at: At): Generator<string, void, undefined> {
  const inner = deeper(at);
  let first = true;
  for (const key of Object.keys(obj)) {
    const v = toJson(key, obj[key]);
    if (omitted(v)) continue;
    yield `${first ? '{' : ','}\n${inner.pad}${JSON.stringify(key)}: `;
    first = false;
    yield* valueText(v, inner);
  }
  yield first ? '{}' : `\n${at.pad}}`;
}

/** What JSON.stringify serialises for a member: the result of its `toJSON(key)`, if it has one. */
function toJson(key: string, v: unknown): unknown {
  return hasToJson(v) ? v.toJSON(key) : v;
}

/** Values JSON.stringify leaves out of objects (and writes as `null` in arrays). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** JSON.stringify of one value, indented to start at `pad`; undefined when it has no JSON text. */
function stringifyAt(v: unknown, at: At): string | undefined {
  const text: string | undefined = JSON.stringify(v, null, at.step);
  return text === undefined || at.pad === '' ? text : text.replaceAll('\n', `\n${at.pad}`);
}

function hasToJson(v: unknown): v is { toJSON: (key: string) => unknown } {
  return ((typeof v === 'object' && v !== null) || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

function isBoxed(v: object): boolean {
  return v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt;
}

/** Whether a subtree's text is estimated below `budget` characters (stops walking once it is not). */
function isSmall(root: object, budget: number): boolean {
  let left = budget;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') left -= v.length + 8;
    else if (Array.isArray(v)) {
      left -= 8 + v.length * 8;
      if (left >= 0) for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        left -= k.length + 8;
        stack.push((v as Record<string, unknown>)[k]);
      }
    } else left -= 8;
    if (left < 0) return false;
  }
  return true;
}
