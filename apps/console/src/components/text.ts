/** A text the person actually gave: trimmed, undefined when empty or not a text. */
export function givenText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `keys` of `values` that were given, trimmed; the empty ones left out. */
export function givenFields<K extends string>(values: Partial<Record<K, unknown>>, keys: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(keys.flatMap((k) => (givenText(values[k]) ? [[k, givenText(values[k])]] : []))) as Partial<Record<K, string>>;
}
