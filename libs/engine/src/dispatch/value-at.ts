/** The value at a path like `data.findings[0].title` or `plan.dueDate`, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let v = root;
  for (const key of path.split(/\.|\[(\d+)\]/).filter(Boolean)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
