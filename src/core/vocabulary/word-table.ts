/**
 * A lookup table for words people type: it has no prototype, so "constructor", "__proto__" or "toString" find
 * nothing instead of a function or an object. Every table keyed by user input is built with this.
 */
export function wordTable<V>(entries: Record<string, V>): Readonly<Record<string, V | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V>, entries));
}
