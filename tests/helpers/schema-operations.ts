// Operations generated from the schema itself, so the security tests cover
// every field and argument, including ones added after the tests were written
// (the mutations of the ingestion API): valid dummy arguments for each root
// field, and every place a string reaches the server (arguments, input fields,
// list items), one at a time.
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from "graphql";

export type Operation = { name: string; query: string; variables: Record<string, unknown> };

/** Ids to use where an argument names something (by field and argument name); anything else gets a dummy. */
export type IdProvider = (fieldName: string, argName: string) => string;

const DUMMY_SCALARS: Record<string, unknown> = {
  String: "x",
  ID: "no-such-id",
  Int: 1,
  Float: 0.5,
  Boolean: false,
  Date: "2024-01-28",
};

const STRING_SCALARS = new Set(["String", "ID", "Date"]);

/** A valid value of an input type; only required input fields are filled. */
export function dummyValue(type: GraphQLInputType, id: () => string = () => "no-such-id"): unknown {
  if (isNonNullType(type)) return dummyValue(type.ofType, id);
  if (isListType(type)) return [dummyValue(type.ofType, id)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = dummyValue(field.type, id);
    }
    return value;
  }
  if (isScalarType(type)) return type.name === "ID" ? id() : (DUMMY_SCALARS[type.name] ?? "x");
  return null;
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? " { __typename }" : "";
}

type Step = { field: GraphQLField<unknown, unknown> };

/** A place where a string reaches the server: an argument, maybe an input field inside it, maybe a list item. */
export type StringSite = {
  path: Step[];
  arg: GraphQLArgument;
  /** Input-object fields leading to the string inside the argument ([] = the argument itself). */
  inner: string[];
  label: string;
};

function stringPathsIn(type: GraphQLInputType, seen: Set<string>): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return STRING_SCALARS.has(named.name) ? [[]] : [];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const paths: string[][] = [];
  for (const field of Object.values(named.getFields())) {
    for (const inner of stringPathsIn(field.type, new Set([...seen, named.name]))) paths.push([field.name, ...inner]);
  }
  return paths;
}

/** Root fields of the operation type, and the shortest path from the root to each object type (to reach nested arguments). */
function reachable(root: GraphQLObjectType, maxDepth: number): Step[][] {
  const paths: Step[][] = [];
  const seenTypes = new Set<string>();
  let frontier: Step[][] = Object.values(root.getFields()).map((field) => [{ field }]);
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: Step[][] = [];
    for (const path of frontier) {
      paths.push(path);
      const named = getNamedType((path[path.length - 1] as Step).field.type);
      if (!isObjectType(named) || seenTypes.has(named.name)) continue;
      seenTypes.add(named.name);
      for (const field of Object.values(named.getFields())) next.push([...path, { field }]);
    }
    frontier = next;
  }
  return paths;
}

/** Every string-carrying argument reachable within maxDepth fields of the root. */
export function findStringSites(schema: GraphQLSchema, kind: "query" | "mutation", maxDepth = 3): StringSite[] {
  const root = kind === "query" ? schema.getQueryType() : schema.getMutationType();
  if (!root) return [];
  const sites: StringSite[] = [];
  for (const path of reachable(root, maxDepth)) {
    const leaf = (path[path.length - 1] as Step).field;
    for (const arg of leaf.args) {
      for (const inner of stringPathsIn(arg.type, new Set())) {
        const label = `${path.map((s) => s.field.name).join(".")}(${[arg.name, ...inner].join(".")})`;
        sites.push({ path, arg, inner, label });
      }
    }
  }
  return sites;
}

function withValueAt(type: GraphQLInputType, inner: string[], value: unknown, id: () => string): unknown {
  if (isNonNullType(type)) return withValueAt(type.ofType, inner, value, id);
  if (isListType(type)) return [withValueAt(type.ofType, inner, value, id)];
  if (inner.length === 0) return value;
  const object = (dummyValue(type, id) ?? {}) as Record<string, unknown>;
  const [name, ...rest] = inner as [string, ...string[]];
  const field = isInputObjectType(type) ? type.getFields()[name] : undefined;
  if (!field) return object;
  object[name] = withValueAt(field.type, rest, value, id);
  return object;
}

/**
 * An operation that sends `value` into one string site, with valid dummies
 * for the other required arguments along the path.
 */
export function operationForSite(
  site: StringSite,
  kind: "query" | "mutation",
  value: unknown,
  ids: IdProvider = () => "no-such-id",
): Operation {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  let n = 0;
  const fields = site.path.map(({ field }, index) => {
    const isLeaf = index === site.path.length - 1;
    const args: string[] = [];
    for (const arg of field.args) {
      const underTest = isLeaf && arg.name === site.arg.name;
      if (!underTest && !(isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      const name = `v${n++}`;
      declarations.push(`$${name}: ${String(arg.type)}`);
      const id = () => ids(field.name, arg.name);
      variables[name] = underTest ? withValueAt(arg.type, site.inner, value, id) : dummyValue(arg.type, id);
      args.push(`${arg.name}: $${name}`);
    }
    return `${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""}`;
  });
  const leaf = (site.path[site.path.length - 1] as Step).field;
  let body = `${fields[fields.length - 1]}${selectionOf(leaf)}`;
  for (let i = fields.length - 2; i >= 0; i--) body = `${fields[i]} { ${body} }`;
  const header = declarations.length > 0 ? `(${declarations.join(", ")})` : "";
  return { name: site.label, query: `${kind} Probe${header} { ${body} }`, variables };
}

/** One valid operation per root field: required arguments as dummies, `__typename` as the selection. */
export function rootFieldOperations(
  schema: GraphQLSchema,
  kind: "query" | "mutation",
  ids: IdProvider = () => "no-such-id",
): Operation[] {
  const root = kind === "query" ? schema.getQueryType() : schema.getMutationType();
  if (!root) return [];
  return Object.values(root.getFields()).map((field) => {
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    const args: string[] = [];
    field.args.forEach((arg, i) => {
      if (!(isNonNullType(arg.type) && arg.defaultValue === undefined)) return;
      declarations.push(`$v${i}: ${String(arg.type)}`);
      variables[`v${i}`] = dummyValue(arg.type, () => ids(field.name, arg.name));
      args.push(`${arg.name}: $v${i}`);
    });
    const header = declarations.length > 0 ? `(${declarations.join(", ")})` : "";
    const call = `${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""}`;
    return { name: field.name, query: `${kind} Probe${header} { ${call}${selectionOf(field)} }`, variables };
  });
}
