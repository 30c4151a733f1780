// Keyset cursors: an opaque base64url of the sort key of the last item, so a
// page continues after that key (stable under inserts, no OFFSET scans).
import { InvalidInputError } from "../errors.ts";

export function encodeCursor(kind: string, key: (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString("base64url");
}

/** The key inside a cursor of this kind; InvalidInputError for anything else. */
export function decodeCursor(
  kind: string,
  cursor: string | null | undefined,
  arity: number,
): (string | number)[] | null {
  if (cursor === null || cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== kind ||
    parsed.length !== arity + 1 ||
    !parsed.slice(1).every((v) => typeof v === "string" || typeof v === "number")
  ) {
    throw new InvalidInputError(
      `Malformed cursor "${cursor.slice(0, 40)}": pass the endCursor of a previous page of the same field (${kind}).`,
    );
  }
  return parsed.slice(1) as (string | number)[];
}
