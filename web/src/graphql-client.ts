// The explorer's only way to the data: POST /graphql, like any other client.

export class GraphqlError extends Error {
  override name = "GraphqlError";
}

type Response<T> = { data?: T | null; errors?: { message: string }[] };

export async function requestGraphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(new URL("/graphql", location.href), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  let body: Response<T>;
  try {
    body = (await response.json()) as Response<T>;
  } catch (cause) {
    throw new GraphqlError(`The API answered ${response.status} without JSON; is the server running?`, { cause });
  }
  if (body.errors?.length) throw new GraphqlError(body.errors.map((error) => error.message).join("; "));
  if (!body.data) throw new GraphqlError(`The API answered ${response.status} with no data`);
  return body.data;
}
