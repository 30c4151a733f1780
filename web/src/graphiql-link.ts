// "Open this view's query in GraphiQL": GraphiQL at /graphql reads the
// operation and its variables from the URL, so a link carries the view.

export function toGraphiqlUrl(query: string, variables: Record<string, unknown> = {}, endpoint = "/graphql"): string {
  const params = new URLSearchParams({ query: query.trim() });
  const defined = Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
  if (Object.keys(defined).length > 0) params.set("variables", JSON.stringify(defined, null, 2));
  return `${endpoint}?${params.toString()}`;
}
