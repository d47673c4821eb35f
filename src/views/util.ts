/** Small helpers shared by the views: slugs and multimaps. */

const MAX_SLUG_PART = 48;

/** Lower-case `[a-z0-9._-]` only, runs of anything else become `-`; never empty. */
export function slugPart(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_SLUG_PART);
  return slug === '' ? 'x' : slug;
}

/** Appends `-2`, `-3`… until the slug is unused, and marks it used. */
export function uniqueSlug(used: Set<string>, base: string): string {
  let slug = base;
  for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
  used.add(slug);
  return slug;
}

/** Appends `value` to the list under `key`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
