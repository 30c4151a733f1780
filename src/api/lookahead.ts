// Lookahead: what a query selects below the field being resolved, so a
// resolver can fetch it in the same Cypher statement instead of leaving it to
// one more batched round trip per level. Fragments, aliases and variables are
// resolved by graphql-parse-resolve-info.
import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";

/** The selections below a field: each a tree with its parsed arguments (defaults applied). */
export type Selection = ResolveTree;

/** This field's selection tree (all its field nodes merged); null when it cannot be parsed. */
export function selectionOf(info: GraphQLResolveInfo): Selection | null {
  const tree = parseResolveInfo(info);
  return tree && "fieldsByTypeName" in tree ? (tree as ResolveTree) : null;
}

/** The fields named `name` directly below `selection`, on any of its possible types and under any alias. */
export function fieldsNamed(selection: Selection | null, name: string): Selection[] {
  if (!selection) return [];
  return Object.values(selection.fieldsByTypeName).flatMap((fields) =>
    Object.values(fields).filter((field) => field.name === name),
  );
}

/** The fields reached by following `path` (field names) from `selection`, across every alias. */
export function fieldsAt(selection: Selection | null, path: readonly string[]): Selection[] {
  return path.reduce<Selection[]>(
    (level, name) => level.flatMap((s) => fieldsNamed(s, name)),
    selection ? [selection] : [],
  );
}

// Items of a list resolve the same field with the same field nodes; a plan
// computed once per request and field node list serves them all (variables
// differ between requests, so the memo is per request).
const plans = new WeakMap<object, WeakMap<object, unknown>>();

/** `plan()` computed once per request (context) and field (its field nodes). */
export function planOnce<T>(context: object, info: GraphQLResolveInfo, plan: () => T): T {
  let byField = plans.get(context);
  if (!byField) {
    byField = new WeakMap();
    plans.set(context, byField);
  }
  if (byField.has(info.fieldNodes)) return byField.get(info.fieldNodes) as T;
  const value = plan();
  byField.set(info.fieldNodes, value);
  return value;
}
