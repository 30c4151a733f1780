// Ingestion with provenance on the real Neo4j: idempotence, replacement by
// URL, retraction, concurrency, entity resolution and reversible merges,
// the API mutations with roles and audit, and the claimAdded subscription.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/yoga.ts";
import { generateApiKey } from "../../src/auth/api-keys.ts";
import { createAuthenticator } from "../../src/auth/authenticate.ts";
import type { Database } from "../../src/db/database.ts";
import { createGraph, type Graph } from "../../src/graph/index.ts";
import { extractDocument } from "../../src/ingest/extractor.ts";
import { ingestDocument } from "../../src/ingest/ingest-document.ts";
import { ingestPaths, SAMPLE_CORPUS } from "../../src/ingest/ingest-paths.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";

const log = createLogger("silent", { pretty: false });
const OPTIONS = { concurrency: 2, maxBytes: 5_000_000 };

let db: Database;
let graph: Graph;

beforeAll(async () => {
  db = await openTestDatabase();
  graph = createGraph(db);
});
afterAll(() => db.close());
beforeEach(() => wipe(db));

function article(name: string): string {
  return readFileSync(path.join(SAMPLE_CORPUS, name), "utf8");
}

describe("ingesting the sample corpus", () => {
  it("twice leaves every count unchanged", async () => {
    const first = await ingestPaths(graph, [SAMPLE_CORPUS], OPTIONS);
    expect(first.failed).toBe(0);
    expect(first.created).toBeGreaterThanOrEqual(10);
    const before = await graph.getStats();
    const second = await ingestPaths(graph, [SAMPLE_CORPUS], OPTIONS);
    expect(second).toMatchObject({ created: 0, replaced: 0, unchanged: first.created, failed: 0 });
    expect(await graph.getStats()).toEqual(before);
  });

  it("concurrently creates the same actors as one at a time (no duplicates)", async () => {
    await ingestPaths(graph, [SAMPLE_CORPUS], { ...OPTIONS, concurrency: 1 });
    const sequential = await graph.getStats();
    await wipe(db);
    await ingestPaths(graph, [SAMPLE_CORPUS], { ...OPTIONS, concurrency: 8 });
    expect(await graph.getStats()).toEqual(sequential);
  });

  it("retracting one article leaves the others intact, with shared relations recounted", async () => {
    await ingestPaths(graph, [SAMPLE_CORPUS], OPTIONS);
    const documents = (await graph.listDocuments({ first: 100 })).items;
    const victim = documents[0];
    if (!victim) throw new Error("no documents");
    const before = await graph.getStats();
    const claimsOfOthers = await graph.findClaimsOfDocuments(
      documents.slice(1).map((d) => d.id),
      { first: 100 },
    );
    const result = await graph.retractDocument(victim.id);
    expect(result.retracted).toBe(true);
    const after = await graph.getStats();
    expect(after.documents).toBe(before.documents - 1);
    expect(after.claims).toBeLessThanOrEqual(before.claims);
    expect(
      await graph.findClaimsOfDocuments(
        documents.slice(1).map((d) => d.id),
        { first: 100 },
      ),
    ).toEqual(claimsOfOthers);
    expect(await graph.findDocumentsByIds([victim.id])).toEqual([null]);
  });
});

describe("ingestDocument", () => {
  const text = article("2023-10-24-iran-backed-militias-ramp-up-attacks.md");

  it("replaces a document's claims when the same URL comes with new content", async () => {
    const url = "https://example.org/militias";
    const v1 = await ingestDocument(graph, extractDocument, { origin: "t", content: text, meta: { url } });
    expect(v1.status).toBe("created");
    const [claimsV1 = []] = await graph.findClaimsOfDocuments([v1.id], { first: 100 });
    expect(claimsV1.length).toBe(v1.claims);

    const shorter = text.slice(0, Math.floor(text.length / 2));
    const v2 = await ingestDocument(graph, extractDocument, { origin: "t", content: shorter, meta: { url } });
    expect(v2).toMatchObject({ id: v1.id, status: "replaced" });
    const [claimsV2 = []] = await graph.findClaimsOfDocuments([v1.id], { first: 100 });
    expect(claimsV2.length).toBe(v2.claims);
    expect(claimsV2.every((c) => shorter.includes(c.quote))).toBe(true);
    expect((await graph.getStats()).documents).toBe(1);
  });

  it("reports what would change with a dry run and writes nothing", async () => {
    const outcome = await ingestDocument(
      graph,
      extractDocument,
      { origin: "t", content: text, meta: {} },
      { dryRun: true },
    );
    expect(outcome).toMatchObject({ status: "created", dryRun: true });
    expect((await graph.getStats()).documents).toBe(0);
  });

  it("resolves an unregistered name to the actor that already carries it as an alias", async () => {
    await ingestDocument(graph, extractDocument, {
      origin: "t",
      content: "The Zarqa Martyrs Brigades attacked U.S. forces near Erbil on Monday, officials said.",
      meta: { publishedAt: "2024-02-05" },
    });
    const [brigades] = (await graph.listActors({ filter: { nameContains: "zarqa" }, first: 5 })).items;
    if (!brigades) throw new Error("the brigades were not extracted");
    await graph.addAlias(brigades.id, "Kataib Zarqa", {
      principalKind: "test",
      principalId: null,
      principalName: "t",
      role: "editor",
      requestId: null,
    });
    const second = await ingestDocument(graph, extractDocument, {
      origin: "t2",
      content: "Kataib Zarqa fired rockets at U.S. forces in Syria on Tuesday.",
      meta: { publishedAt: "2024-02-06" },
    });
    expect(second.status).toBe("created");
    const matches = (await graph.listActors({ filter: { nameContains: "zarqa" }, first: 5 })).items;
    expect(matches.map((a) => a.id)).toEqual([brigades.id]);
  });
});

describe("mutations over HTTP", () => {
  const keys = { reader: generateApiKey(), editor: generateApiKey(), admin: generateApiKey() };
  let app: ReturnType<typeof createApp>;

  beforeEach(async () => {
    for (const [role, key] of Object.entries(keys)) {
      await graph.saveApiKey({ id: key.id, name: `${role} key`, role, hash: key.hash });
    }
    app = createApp({
      graph,
      log,
      readiness: () => ({ ready: true }),
      auth: {
        authenticator: createAuthenticator({ findApiKey: (id) => graph.findApiKey(id), verifyJwt: null }),
        readsRequireRole: false,
      },
    });
  });

  async function call(query: string, variables: Record<string, unknown>, key?: { token: string }) {
    const response = await app.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        // biome-ignore lint/suspicious/noExplicitAny: response shapes vary per operation; assertions check them.
        data?: Record<string, any>;
        errors?: { message: string; extensions?: { code?: string } }[];
      },
    };
  }

  const INGEST = `mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { status claimCount document { id title actors { id } } } }`;
  const input = { text: article("centcom_20231225_strikes_kataib_hezbollah_iraq.md") };

  it("lets an editor ingest, refuses anonymous (401) and reader (403) callers, and audits the write", async () => {
    expect((await call(INGEST, { input })).body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const asReader = await call(INGEST, { input }, keys.reader);
    expect(asReader.status).toBe(403);
    expect(asReader.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await graph.getStats()).documents).toBe(0);

    const { body } = await call(INGEST, { input }, keys.editor);
    expect(body.errors).toBeUndefined();
    expect(body.data?.ingestDocument).toMatchObject({ status: "CREATED", document: { title: expect.any(String) } });
    expect(body.data?.ingestDocument.claimCount).toBeGreaterThan(0);
    expect(body.data?.ingestDocument.document.actors.map((a: { id: string }) => a.id)).toContain("kataib-hezbollah");
    const again = await call(INGEST, { input }, keys.editor);
    expect(again.body.data?.ingestDocument.status).toBe("UNCHANGED");

    const audit = (await graph.listAuditEntries({ first: 10 })).items;
    expect(audit).toMatchObject([
      {
        action: "ingestDocument",
        principalName: "editor key",
        role: "editor",
        ids: [body.data?.ingestDocument.document.id],
      },
    ]);
  });

  it("merges actors reversibly: resolution follows the merge, and a split restores the actor and its claims", async () => {
    await call(INGEST, { input }, keys.editor);
    await call(INGEST, { input: { text: article("2023-10-24-iran-backed-militias-ramp-up-attacks.md") } }, keys.editor);
    const MERGE = `mutation { mergeActors(ids: ["kataib-hezbollah"], into: "iran-backed-militias", reason: "test") { id aliases } }`;
    expect((await call(MERGE, {}, keys.editor)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const merged = await call(MERGE, {}, keys.admin);
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data?.mergeActors.aliases).toContain("Kata'ib Hezbollah");
    expect(await graph.findActorsByIds(["kataib-hezbollah"])).toEqual([null]);
    const byName = await call(`{ actorByName(name: "Kataib Hezbollah") { id } }`, {});
    expect(byName.body.data?.actorByName).toEqual({ id: "iran-backed-militias" });

    // A new document naming the merged actor lands on the actor it was merged into.
    await call(
      INGEST,
      {
        input: {
          text: "Kata'ib Hezbollah attacked U.S. forces in Iraq on Jan. 3, 2024, the Pentagon said.",
          publishedAt: "2024-01-04",
        },
      },
      keys.editor,
    );
    expect(await graph.findActorsByIds(["kataib-hezbollah"])).toEqual([null]);

    const split = await call(
      `mutation { splitActor(id: "iran-backed-militias", aliases: ["Kata'ib Hezbollah"]) { actors { id } movedClaims } }`,
      {},
      keys.admin,
    );
    expect(split.body.errors).toBeUndefined();
    expect(split.body.data?.splitActor.actors).toEqual([{ id: "kataib-hezbollah" }]);
    expect(split.body.data?.splitActor.movedClaims).toBeGreaterThan(0);
    const restored = await call(
      `{ actor(id: "kataib-hezbollah") { id relations(first: 20) { edges { predicate } } } }`,
      {},
    );
    expect(restored.body.data?.actor.relations.edges.length).toBeGreaterThan(0);
  });

  it("leaves every relation as it was after a merge and its split (no stale counts on either side)", async () => {
    await call(INGEST, { input }, keys.editor);
    await call(INGEST, { input: { text: article("2023-10-24-iran-backed-militias-ramp-up-attacks.md") } }, keys.editor);
    const relationsOf = async () =>
      (
        await graph.findRelationsOfActors(["iran-backed-militias", "kataib-hezbollah", "us-forces"], { first: 100 })
      ).map((page) => page.items.map((r) => [r.predicate, r.direction, r.actor.id, r.claimCount, r.confidence]));
    const before = await relationsOf();
    const merge = `mutation { mergeActors(ids: ["kataib-hezbollah"], into: "iran-backed-militias") { id } }`;
    expect((await call(merge, {}, keys.admin)).body.errors).toBeUndefined();
    expect(await relationsOf()).not.toEqual(before);
    const split = `mutation { splitActor(id: "iran-backed-militias", aliases: ["Kata'ib Hezbollah"]) { movedClaims } }`;
    expect((await call(split, {}, keys.admin)).body.errors).toBeUndefined();
    expect(await relationsOf()).toEqual(before);
  });

  it("retracts a document (admin only) and adds aliases (editor)", async () => {
    const { body } = await call(INGEST, { input }, keys.editor);
    const id = body.data?.ingestDocument.document.id as string;
    const RETRACT = `mutation($id: ID!) { retractDocument(id: $id) { id retracted } }`;
    expect((await call(RETRACT, { id }, keys.editor)).status).toBe(403);
    expect((await call(RETRACT, { id }, keys.admin)).body.data?.retractDocument).toEqual({ id, retracted: true });
    expect((await call(RETRACT, { id }, keys.admin)).body.data?.retractDocument).toEqual({ id, retracted: false });

    await call(INGEST, { input }, keys.editor);
    const alias = await call(
      `mutation { addAlias(id: "kataib-hezbollah", alias: "KH Brigades") { id aliases } }`,
      {},
      keys.editor,
    );
    expect(alias.body.data?.addAlias.aliases).toContain("KH Brigades");
    expect((await call(`{ actorByName(name: "kh brigades") { id } }`, {})).body.data?.actorByName).toEqual({
      id: "kataib-hezbollah",
    });
    expect(
      (await call(`mutation { addAlias(id: "nobody", alias: "x") { id } }`, {}, keys.editor)).body.data?.addAlias,
    ).toBeNull();
  });

  it("streams new claims to claimAdded subscribers, filtered by actor", async () => {
    const controller = new AbortController();
    const response = await app.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: `subscription { claimAdded(actorIds: ["kataib-hezbollah"]) { predicate subject { id } object { id } quote } }`,
      }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no stream");
    const received = (async () => {
      let text = "";
      while (!text.includes("claimAdded")) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    await new Promise((r) => setTimeout(r, 100));
    await call(INGEST, { input }, keys.editor);
    const text = await received;
    controller.abort();
    const event = JSON.parse(
      text
        .split("\n")
        .find((l) => l.startsWith("data:"))
        ?.slice(5) ?? "{}",
    );
    const claim = event.data.claimAdded;
    expect([claim.subject.id, claim.object.id]).toContain("kataib-hezbollah");
    expect(claim.quote.length).toBeGreaterThan(0);
  });
});
