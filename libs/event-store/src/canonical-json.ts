/**
 * Deterministic JSON: object keys sorted, no whitespace, `undefined` members dropped. Two stores
 * (or two versions of Node) must produce the same bytes for the same event, or hashes drift.
 *
 * Fast path: copy the value with keys in sorted order and let the native JSON.stringify write it.
 * That only agrees with the definition for plain JSON whose object keys are not array-index-like
 * (JSON.stringify puts those first), so anything else takes the slow, literal path.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === NOT_PLAIN ? slowCanonicalJson(value) : (JSON.stringify(copy) ?? 'null');
}

const NOT_PLAIN = Symbol('not-plain');
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : NOT_PLAIN;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) return NOT_PLAIN;
          const item = sortedCopy(value[i]);
          if (item === NOT_PLAIN) return NOT_PLAIN;
          out[i] = item;
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (INDEX_LIKE.test(key) || key === '__proto__') return NOT_PLAIN;
        const item = sortedCopy(obj[key]);
        if (item === NOT_PLAIN) return NOT_PLAIN;
        out[key] = item;
      }
      return out;
    }
    default:
      return NOT_PLAIN;
  }
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
