/**
 * Deterministic JSON: object keys sorted, no whitespace, `undefined` members dropped. Two stores
 * (or two versions of Node) must produce the same bytes for the same event, or hashes drift.
 *
 * Fast path: let the native JSON.stringify write a value whose keys are in sorted order at every
 * depth: the value itself where they already are, else a copy re-ordered where they are not.
 * That only agrees with the definition for plain JSON whose object keys are not array-index-like
 * (JSON.stringify puts those first), so anything else takes the slow, literal path.
 */
export function canonicalJson(value: unknown): string {
  const sorted = inSortedOrder(value);
  return sorted === NOT_PLAIN ? slowCanonicalJson(value) : (JSON.stringify(sorted) ?? 'null');
}

const NOT_PLAIN = Symbol('not-plain');
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/** A key JSON.stringify would not write in insertion order (or would not write as an own key at all). */
function awkwardKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return (first >= 48 && first <= 57 && INDEX_LIKE.test(key)) || key === '__proto__';
}

/**
 * `value` with its object keys in sorted order at every depth: the same object or array where
 * nothing needed re-ordering (most event bodies, in part or whole: no allocation), a copy where
 * something did; NOT_PLAIN for anything JSON.stringify would not write literally.
 */
function inSortedOrder(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : NOT_PLAIN;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) return arrayInSortedOrder(value);
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
      return objectInSortedOrder(value as Record<string, unknown>);
    }
    default:
      return NOT_PLAIN;
  }
}

function arrayInSortedOrder(array: readonly unknown[]): unknown {
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) return NOT_PLAIN;
    const item = inSortedOrder(array[i]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    if (copy === undefined && item !== array[i]) copy = array.slice(0, i);
    if (copy !== undefined) copy.push(item);
  }
  return copy ?? array;
}

function objectInSortedOrder(obj: Record<string, unknown>): unknown {
  const keys = Object.keys(obj);
  let ordered = true;
  for (let i = 0; i < keys.length; i++) {
    if (awkwardKey(keys[i])) return NOT_PLAIN;
    if (i > 0 && keys[i - 1] > keys[i]) ordered = false;
  }
  if (!ordered) keys.sort();
  let copy: Record<string, unknown> | undefined = ordered ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const item = inSortedOrder(obj[key]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    if (copy === undefined && item !== obj[key]) {
      copy = {};
      for (let k = 0; k < i; k++) copy[keys[k]] = obj[keys[k]];
    }
    if (copy !== undefined) copy[key] = item;
  }
  return copy ?? obj;
}

/** The definition, written out literally; used for values the fast path cannot take. */
export function slowCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number in event');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${Array.from(value, (v) => (v === undefined ? 'null' : slowCanonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${slowCanonicalJson(obj[k])}`).join(',')}}`;
}
