// Lookahead: what a query selects below the field being resolved, so a
// resolver can fetch it in the same Cypher statement instead of leaving it to
// one more batched round trip per level. Fragments, aliases and variables are
// resolved by graphql-parse-resolve-info.
import { createHash } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";
import { LRUCache } from "lru-cache";

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

// A plan depends only on the query's text and its variables. graphql-jit
// compiles a document once, so a field's nodes are the same objects in every
// request that sends that document: a plan kept per field nodes and variables
// serves every item of a list and every later request with the same document
// and variables (once Yoga drops the document from its cache, its plans go
// too). Where nodes are made per request (graphql-js, for subscriptions) it
// still serves the items of the request's lists.
const plans = new WeakMap<object, LRUCache<string, { plan: unknown }>>();
// Variable sets kept per field, the least recently used dropped first: a
// client paging or switching filters sends many, and one plan each is all a
// request needs.
const VARIABLE_SETS_PER_FIELD = 16;
// The variables as a key, made once per request. Large ones are kept as
// their hash, so a client sending big variables cannot make the kept keys
// big (16 a field, for as many documents as Yoga caches).
const variableKeys = new WeakMap<object, string>();
const LONGEST_KEPT_VARIABLES = 256;

function variablesKey(info: GraphQLResolveInfo): string {
  const variables = info.variableValues;
  let key = variableKeys.get(variables);
  if (key === undefined) {
    const json = JSON.stringify(variables);
    key = json.length <= LONGEST_KEPT_VARIABLES ? json : `#${createHash("sha256").update(json).digest("base64")}`;
    variableKeys.set(variables, key);
  }
  return key;
}

/** `plan()` computed once per field (its nodes) and variables: plans must not be changed by their users. */
export function planOnce<T>(info: GraphQLResolveInfo, plan: () => T): T {
  let byVariables = plans.get(info.fieldNodes);
  if (!byVariables) {
    byVariables = new LRUCache({ max: VARIABLE_SETS_PER_FIELD });
    plans.set(info.fieldNodes, byVariables);
  }
  const key = variablesKey(info);
  // Wrapped: a plan may be null (nothing to read ahead), which the cache cannot hold as a value.
  const kept = byVariables.get(key);
  if (kept) return kept.plan as T;
  const value = plan();
  byVariables.set(key, { plan: value });
  return value;
}
