// Hostile strings through every string argument of the schema (found by
// walking it, so new fields are covered without editing this file): quotes,
// backticks, Cypher that would delete the graph if it were spliced into a
// statement, unicode tricks and 1 MB strings. Afterwards the graph is exactly
// what it was: every value reached Cypher as a parameter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../src/api/schema.ts";
import { createApp } from "../../src/api/yoga.ts";
import { createAuthenticator } from "../../src/auth/authenticate.ts";
import type { Database } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";
import { saveFixtureDocuments } from "../helpers/fixtures.ts";
import { findStringSites, operationForSite } from "../helpers/schema-operations.ts";

const HOSTILE_STRINGS = [
  "'",
  '"',
  "`",
  "\\",
  "x' OR 1=1 //",
  '"}) DETACH DELETE n //',
  "'}) DETACH DELETE n //",
  "}) DETACH DELETE n //",
  "`) MATCH (n) DETACH DELETE n //",
  "a` DETACH DELETE n WITH 1 AS `b",
  "$id",
  "{id: 'x'}",
  "*/ MATCH (n) DETACH DELETE n /*",
  "\u0000\u0001\u001f",
  "\u202eesrever",
  "ｍａｔｃｈ (n) ｄｅｔａｃｈ ｄｅｌｅｔｅ n",
  "\ud800",
  "𝕳𝖊𝖟𝖇𝖔𝖑𝖑𝖆𝖍 \u200b\u200d\ufeff",
  "CALL db.clearQueryCaches()",
  "../../../../etc/passwd",
  "x".repeat(1_000_000),
  `${"`".repeat(500_000)}'`.repeat(2),
];

type Snapshot = { labels: Record<string, number>; types: Record<string, number>; ids: string };

async function snapshot(db: Database): Promise<Snapshot> {
  const labels = await db.read<{ label: string; count: number }>(
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label",
  );
  const types = await db.read<{ type: string; count: number }>(
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type",
  );
  const [ids] = await db.read<{ ids: string }>(
    "MATCH (n) WITH n.id AS id ORDER BY id RETURN reduce(s = '', i IN collect(id) | s + coalesce(i, '?') + ',') AS ids",
  );
  return {
    labels: Object.fromEntries(labels.map((r) => [r.label, r.count])),
    types: Object.fromEntries(types.map((r) => [r.type, r.count])),
    ids: ids?.ids ?? "",
  };
}

describe("injection", () => {
  let db: Database;
  let seeded: { actor: string; document: string; event: string };
  let post: (body: unknown) => Promise<{ status: number; text: string }>;

  beforeAll(async () => {
    db = await openTestDatabase();
    await wipe(db);
    const graph = createGraph(db);
    await saveFixtureDocuments(graph);
    const [actor] = await db.read<{ id: string }>("MATCH (a:Actor)-[r]-(:Actor) RETURN a.id AS id LIMIT 1");
    const [document] = await db.read<{ id: string }>("MATCH (d:Document) RETURN d.id AS id LIMIT 1");
    const [event] = await db.read<{ id: string }>("MATCH (e:Event) RETURN e.id AS id LIMIT 1");
    seeded = { actor: actor?.id ?? "", document: document?.id ?? "", event: event?.id ?? "" };
    // An admin so that mutations, when the schema has them, reach their resolvers.
    const app = createApp({
      graph,
      log: createLogger("silent", { pretty: false }),
      readiness: () => ({ ready: true }),
      http: { maxBodyBytes: 8_000_000, corsOrigins: [], graphiql: false },
      auth: {
        authenticator: createAuthenticator({
          findApiKey: async () => null,
          verifyJwt: async () => ({ kind: "jwt", id: "injection-test", name: "injection test", role: "admin" }),
        }),
        readsRequireRole: true,
      },
    });
    post = async (body) => {
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer test-admin" },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    };
  });
  afterAll(() => db.close());

  /** Real ids where an argument names something, so nested fields resolve on a real parent. */
  const ids = (field: string, arg: string) => {
    if (/document/i.test(field)) return seeded.document;
    if (/event/i.test(field)) return seeded.event;
    return arg === "to" ? seeded.actor : seeded.actor;
  };

  it("covers every string argument of the query type, nested ones included", () => {
    const labels = findStringSites(schema, "query").map((s) => s.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "actorByName(name)",
        "search(text)",
        "events(filter.location)",
        "actor.relations(after)",
      ]),
    );
  });

  it("leaves the graph unchanged after hostile strings through every query argument", async () => {
    const before = await snapshot(db);
    expect(Object.keys(before.labels)).toContain("Actor");
    const sites = findStringSites(schema, "query");
    let requests = 0;
    for (const site of sites) {
      for (const value of HOSTILE_STRINGS) {
        const operation = operationForSite(site, "query", value, ids);
        const reply = await post({ query: operation.query, variables: operation.variables });
        requests++;
        // Refused or answered, never a server error.
        expect([site.label, reply.status < 500]).toEqual([site.label, true]);
        // A spliced value would break the statement: a masked INTERNAL_SERVER_ERROR.
        expect([site.label, reply.text]).not.toEqual([
          site.label,
          expect.stringMatching(/INTERNAL_SERVER_ERROR|Neo4jError|Invalid input/),
        ]);
      }
    }
    expect(requests).toBeGreaterThan(100);
    expect(await snapshot(db)).toEqual(before);
  });

  it("keeps hostile strings as data through every mutation argument: nothing deleted, no label or type injected", async () => {
    const sites = findStringSites(schema, "mutation", 1);
    if (sites.length === 0) return; // the schema has no mutations yet
    const before = await snapshot(db);
    for (const site of sites) {
      for (const value of HOSTILE_STRINGS) {
        // Mutation ids point nowhere: the write either refuses or adds data, never removes seeded nodes.
        const operation = operationForSite(site, "mutation", value);
        const reply = await post({ query: operation.query, variables: operation.variables });
        expect([site.label, reply.status < 500]).toEqual([site.label, true]);
      }
    }
    const after = await snapshot(db);
    for (const [label, count] of Object.entries(before.labels))
      expect(after.labels[label]).toBeGreaterThanOrEqual(count);
    const knownLabels = new Set([...Object.keys(before.labels), "Actor", "Document", "Claim", "Event", "AuditEntry"]);
    for (const label of Object.keys(after.labels)) expect(knownLabels).toContain(label);
    for (const id of before.ids.split(",").filter(Boolean)) expect(after.ids).toContain(`${id},`);
  });
});
