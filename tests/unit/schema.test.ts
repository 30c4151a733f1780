// The committed SDL is what the builder prints: run `npm run schema` after changing the API.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printSchemaSdl } from "../../src/api/schema.ts";

describe("schema/schema.graphql", () => {
  it("is current with the builder (run `npm run schema` and commit when this fails)", () => {
    const committed = readFileSync(path.join(import.meta.dirname, "../../schema/schema.graphql"), "utf8");
    expect(committed).toBe(printSchemaSdl());
  });

  it("keeps the public contract's root fields", () => {
    const sdl = printSchemaSdl();
    for (const field of [
      "actor(id: ID!): Actor",
      "actorByName(name: String!): Actor",
      "actors(",
      "search(",
      "neighborhood(",
      "paths(",
      "supportChain(",
      "events(",
      "event(id: ID!): Event",
      "documents(",
      "document(id: ID!): Document",
      "stats: Stats!",
    ]) {
      expect(sdl).toContain(field);
    }
  });
});
