/** Line arithmetic on text, shared by the loaders and the dump reader. */

/** Line breaks (`\n`) in `text[from…to)`. */
export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
