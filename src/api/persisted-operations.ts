// The allow-list of production mode (PERSISTED_OPERATIONS_FILE): a JSON file
// holding either {"<sha256 of the text>": "<operation text>"} or an array of
// operation texts (hashed here). A key that is not the hash of its text is
// refused, so the list cannot silently run something other than it names.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export function hashOperation(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function toAllowList(json: unknown, origin = "the allow-list"): Map<string, string> {
  const entries: [string, string][] = [];
  if (Array.isArray(json)) {
    for (const text of json) {
      if (typeof text !== "string") throw new Error(`${origin}: every item must be an operation text (a string).`);
      entries.push([hashOperation(text), text]);
    }
  } else if (json && typeof json === "object") {
    for (const [hash, text] of Object.entries(json)) {
      if (typeof text !== "string") throw new Error(`${origin}: the value of "${hash}" must be an operation text.`);
      if (hash !== hashOperation(text)) {
        throw new Error(
          `${origin}: key "${hash}" is not the sha256 of its operation (expected ${hashOperation(text)}).`,
        );
      }
      entries.push([hash, text]);
    }
  } else {
    throw new Error(`${origin}: expected {"<sha256>": "<operation>"} or ["<operation>", …].`);
  }
  return new Map(entries);
}

export function readAllowList(file: string): Map<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS_FILE=${file} cannot be read as JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
  return toAllowList(json, `PERSISTED_OPERATIONS_FILE=${file}`);
}
