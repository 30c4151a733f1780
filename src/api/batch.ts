// Per-request batching for resolvers that decide at run time what to fetch
// (see lookahead.ts): one DataLoader per request and name, so the items of a
// list that ask the same question share one call into the data layer.
import DataLoader from "dataloader";

const loaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * The request's loader called `name` (created on first use with `load`).
 * Names must differ whenever `load` would answer differently (filters, limits).
 */
export function batchLoader<V>(
  context: object,
  name: string,
  load: (keys: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let byName = loaders.get(context);
  if (!byName) {
    byName = new Map();
    loaders.set(context, byName);
  }
  let loader = byName.get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(load);
    byName.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
