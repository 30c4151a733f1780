// The GraphQL API over the real Neo4j, on the fixture graph written through
// the write path: every root field and Actor field, asOf, contested
// relations, pagination across pages, limits and validation errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OPERATION, EXAMPLE_OPERATIONS } from "../../src/api/examples.ts";
import { Database } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { PREDICATES } from "../../src/model.ts";
import { createTestApp } from "../helpers/api.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";
import { saveFixtureDocuments } from "../helpers/fixtures.ts";

let db: Database;
let gql: ReturnType<typeof createTestApp>;

// biome-ignore lint/suspicious/noExplicitAny: test responses are checked by shape
type Any = any;

beforeAll(async () => {
  db = await openTestDatabase();
  await wipe(db);
  await saveFixtureDocuments(createGraph(db));
  gql = createTestApp(db);
});
afterAll(() => db.close());

async function data(query: string, variables?: Record<string, unknown>): Promise<Any> {
  const response = await gql(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function error(query: string, variables?: Record<string, unknown>) {
  const response = await gql(query, variables);
  expect(response.errors?.length).toBeGreaterThan(0);
  return response.errors?.[0] as { message: string; extensions?: { code?: string } };
}

describe("actor lookups", () => {
  it("finds an actor by id, and null for an unknown id", async () => {
    const d = await data(
      `{ actor(id: "irgc-quds-force") { id name type aliases country } nobody: actor(id: "nobody") { id } }`,
    );
    expect(d.actor).toEqual({
      id: "irgc-quds-force",
      name: "IRGC-Quds Force",
      type: "MilitaryForce",
      aliases: ["Quds Force", "IRGC-QF", "Qods Force"],
      country: "IR",
    });
    expect(d.nobody).toBeNull();
  });

  it.each([
    ["IRGC", "irgc"],
    ["Quds Force", "irgc-quds-force"],
    ["quds force", "irgc-quds-force"],
    ["U.S. Central Command", "centcom"],
    ["us central command", "centcom"],
    ["Kataib Hezbollah", "kataib-hezbollah"],
    ["the United States", "united-states"],
  ])("actorByName(%s) resolves to %s", async (name, id) => {
    const d = await data(`query($name: String!) { actorByName(name: $name) { id } }`, { name });
    expect(d.actorByName?.id).toBe(id);
  });

  it("returns null for a name nobody has", async () => {
    expect((await data(`{ actorByName(name: "Nobody at all") { id } }`)).actorByName).toBeNull();
  });
});

describe("actors connection", () => {
  it("pages through every actor with keyset cursors and counts them without loading them", async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = 0;
    do {
      const d: Any = await data(
        `query($after: String) { actors(first: 4, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = d.actors.totalCount;
      ids.push(...d.actors.edges.map((e: Any) => e.node.id));
      // The last edge's cursor is where the page ends.
      expect(d.actors.edges.at(-1).cursor).toBe(d.actors.pageInfo.endCursor);
      after = d.actors.pageInfo.hasNextPage ? d.actors.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(total).toBe(13);
    expect(ids).toHaveLength(13);
    expect(new Set(ids).size).toBe(13);
    expect(pages).toBe(4);
  });

  // With no filter the statements read the page from an index in its order;
  // with every type listed they sort the filtered actors. Both must agree.
  it.each(["NAME", "ID"])(
    "gives an unfiltered page in index order the same as every type listed, cursor by cursor (order %s)",
    async (orderBy) => {
      const types = (await data(`{ __type(name: "EntityType") { enumValues { name } } }`)).__type.enumValues.map(
        (v: Any) => v.name,
      );
      const pages = async (filter: string, relations: boolean) => {
        const edges: Any[] = [];
        let after: string | null = null;
        for (let page = 0; page < 10; page++) {
          const d: Any = await data(
            `query($after: String) { actors(${filter} orderBy: ${orderBy}, first: 3, after: $after) {
              edges { cursor node { id name ${relations ? "relations(first: 2) { edges { actor { id } } }" : ""} } }
              pageInfo { hasNextPage endCursor } } }`,
            { after },
          );
          edges.push(...d.actors.edges);
          if (!d.actors.pageInfo.hasNextPage) break;
          after = d.actors.pageInfo.endCursor;
        }
        return edges;
      };
      const unfiltered = await pages("", false);
      expect(unfiltered).toHaveLength(13);
      if (orderBy === "ID") {
        const ids = unfiltered.map((e: Any) => e.node.id);
        expect(ids).toEqual([...ids].sort());
      }
      expect(await pages(`filter: { types: [${types.join(", ")}] },`, false)).toEqual(unfiltered);
      const withRelations = await pages("", true);
      expect(withRelations.map((e: Any) => e.cursor)).toEqual(unfiltered.map((e: Any) => e.cursor));
      expect(await pages(`filter: { types: [${types.join(", ")}] },`, true)).toEqual(withRelations);
    },
  );

  it("filters by type, name part and country, in id order", async () => {
    const d = await data(`{
      groups: actors(filter: { types: [ArmedGroup] }, orderBy: ID) { totalCount edges { node { id } } }
      quds: actors(filter: { nameContains: "qods" }) { edges { node { id } } }
      us: actors(filter: { country: "US" }, orderBy: ID) { edges { node { id } } }
    }`);
    expect(d.groups.edges.map((e: Any) => e.node.id)).toEqual([
      "hezbollah",
      "iran-backed-militias",
      "kataib-hezbollah",
    ]);
    expect(d.groups.totalCount).toBe(3);
    expect(d.quds.edges.map((e: Any) => e.node.id)).toEqual(["irgc-quds-force"]);
    expect(d.us.edges.map((e: Any) => e.node.id)).toEqual(["centcom", "united-states", "us-forces"]);
  });
});

describe("search", () => {
  it("finds names, aliases and quotes with a score and a snippet", async () => {
    const d = await data(
      `{ search(text: "Quds Force", first: 5) { score field snippet actor { id } claim { predicate } } }`,
    );
    expect(d.search[0]).toMatchObject({ field: "NAME", actor: { id: "irgc-quds-force" } });
    expect(d.search[0].snippet).toContain("**Quds**");
    expect(d.search.some((h: Any) => h.field === "QUOTE" && h.claim)).toBe(true);
    expect(d.search[0].score).toBeGreaterThan(0);
  });

  it("gives the same hits and snippets whether or not the query shows the claims (read only then)", async () => {
    const query = (fields: string) =>
      `{ search(text: "Quds Force", first: 10) { score field snippet actor { id } ${fields} } }`;
    const withClaims = (await data(query("claim { id quote document { id } }"))).search;
    const without = (await data(query(""))).search;
    expect(withClaims.some((h: Any) => h.claim?.document?.id)).toBe(true);
    expect(without).toEqual(withClaims.map(({ claim: _claim, ...hit }: Any) => hit));
  });

  it("restricts hits to actor types and survives Lucene syntax in the text", async () => {
    const d = await data(
      `{ search(text: "Hezbollah", types: [Country]) { actor { type } } odd: search(text: "Quds AND (\\"[") { score } }`,
    );
    expect(d.search.length).toBeGreaterThan(0);
    expect(d.search.every((h: Any) => h.actor.type === "Country")).toBe(true);
    expect(d.odd.length).toBeGreaterThan(0);
    const empty = await error(`{ search(text: "(*)") { score } }`);
    expect(empty.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Actor.relations", () => {
  // The page and its count leave the polarity filter out for ANY (an
  // optional part in both statements): they must still agree on every filter.
  it("counts what it pages under every polarity filter", async () => {
    const counts: Record<string, number> = {};
    for (const actor of ["iran", "irgc-quds-force", "kataib-hezbollah", "iran-backed-militias", "us-forces"]) {
      for (const polarity of ["ANY", "POSITIVE", "NEGATIVE", "CONTESTED"]) {
        const d = await data(`{ actor(id: "${actor}") { relations(polarity: ${polarity}, first: 100) {
          totalCount edges { polarity } } } }`);
        expect(d.actor.relations.totalCount, `${actor} ${polarity}`).toBe(d.actor.relations.edges.length);
        counts[`${actor} ${polarity}`] = d.actor.relations.totalCount;
      }
    }
    // Not vacuous: the filter changes the count (NEGATIVE keeps the part, ANY leaves it out).
    expect(counts["iran NEGATIVE"]).toBeLessThan(counts["iran ANY"] as number);
  });

  it("lists relations strongest first with direction, other end, counts, dates and claims with documents", async () => {
    const d = await data(`{ actor(id: "iran-backed-militias") {
      relations(direction: OUTGOING, predicates: [ATTACKS]) {
        totalCount
        edges { predicate direction actor { id } confidence claimCount contested firstReported lastReported
          claims { quote polarity modality confidence attribution document { id title url publishedAt } } }
      } } }`);
    const [edge] = d.actor.relations.edges;
    expect(edge).toMatchObject({
      predicate: "ATTACKS",
      direction: "OUTGOING",
      actor: { id: "us-forces" },
      claimCount: 2,
      contested: false,
      firstReported: "2023-10-24",
      lastReported: "2024-01-29",
    });
    expect(edge.confidence).toBeCloseTo(1 - 0.05 * 0.05, 4);
    expect(edge.claims).toHaveLength(2);
    expect(edge.claims[0]).toMatchObject({
      polarity: "POSITIVE",
      modality: "ASSERTED",
      document: { id: expect.any(String) },
    });
  });

  it("shows a stated-and-denied relation as contested, and a denied-only one only when asked", async () => {
    const d = await data(`{ qf: actor(id: "irgc-quds-force") {
      stated: relations(direction: OUTGOING, predicates: [DIRECTS]) { edges { actor { id } polarity contested positiveClaims negativeClaims } }
    }
    iran: actor(id: "iran") {
      stated: relations(direction: OUTGOING, predicates: [SUPPORTS]) { edges { actor { id } contested claims { polarity attribution } } }
      denied: relations(direction: OUTGOING, predicates: [SUPPORTS], polarity: NEGATIVE) { edges { actor { id } } }
    } }`);
    expect(d.qf.stated.edges).toEqual([
      {
        actor: { id: "iran-backed-militias" },
        polarity: "CONTESTED",
        contested: true,
        positiveClaims: 1,
        negativeClaims: 1,
      },
    ]);
    const [kh] = d.iran.stated.edges;
    expect(kh).toMatchObject({ actor: { id: "kataib-hezbollah" }, contested: true });
    expect(kh.claims.map((c: Any) => c.polarity)).toEqual(["POSITIVE", "NEGATIVE"]);
    expect(kh.claims[1].attribution).toBe("Iran's foreign ministry");
  });

  it("answers asOf from the claims published by then", async () => {
    const d = await data(`{ actor(id: "irgc-quds-force") {
      then: relations(asOf: "2023-10-31", direction: OUTGOING, predicates: [DIRECTS], polarity: ANY) { edges { polarity contested claimCount asOf claims { document { id } } } }
      stated: relations(asOf: "2023-10-31", direction: OUTGOING, predicates: [DIRECTS]) { edges { polarity } }
      now: relations(direction: OUTGOING, predicates: [DIRECTS]) { edges { polarity contested claimCount } }
      before: relations(asOf: "2023-01-01") { totalCount }
    } }`);
    expect(d.actor.then.edges).toEqual([
      {
        polarity: "NEGATIVE",
        contested: false,
        claimCount: 1,
        asOf: "2023-10-31",
        claims: [{ document: { id: "doc-militias-ramp-up-attacks" } }],
      },
    ]);
    expect(d.actor.stated.edges).toEqual([]);
    expect(d.actor.now.edges).toEqual([{ polarity: "CONTESTED", contested: true, claimCount: 2 }]);
    expect(d.actor.before.totalCount).toBe(0);
  });

  it("pages across relations with cursors, the same with and without asOf", async () => {
    for (const asOf of [null, "2030-01-01"]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const d: Any = await data(
          `query($after: String, $asOf: Date) { actor(id: "iran") { relations(first: 2, after: $after, asOf: $asOf) { totalCount edges { cursor predicate actor { id } } pageInfo { hasNextPage endCursor } } } }`,
          { after, asOf },
        );
        const r = d.actor.relations;
        // The last edge's cursor is where the page ends.
        expect(r.edges.at(-1).cursor).toBe(r.pageInfo.endCursor);
        seen.push(...r.edges.map((e: Any) => `${e.predicate}>${e.actor.id}`));
        expect(r.totalCount).toBe(6);
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
    }
  });

  it("filters by minConfidence", async () => {
    const d = await data(`{ actor(id: "iran") { relations(minConfidence: 0.9) { edges { confidence } } } }`);
    expect(d.actor.relations.edges.length).toBeGreaterThan(0);
    expect(d.actor.relations.edges.every((e: Any) => e.confidence >= 0.9)).toBe(true);
  });
});

describe("Actor.events and Actor.documents", () => {
  it("lists events by role and the documents that mention the actor", async () => {
    const d = await data(`{ actor(id: "kataib-hezbollah") {
      perpetrated: events(role: PERPETRATOR) { id }
      targeted: events(role: TARGET) { id }
      documents { id }
    } }`);
    expect(d.actor.perpetrated.map((e: Any) => e.id)).toEqual([
      "2024-01-28-attack-tower-22",
      "2023-12-25-attack-erbil",
    ]);
    expect(d.actor.targeted.map((e: Any) => e.id)).toEqual(["2023-12-25-air-strike-iraq"]);
    expect(d.actor.documents.map((e: Any) => e.id)).toEqual([
      "doc-tower-22",
      "doc-centcom-strikes-kataib-hezbollah",
      "doc-militias-ramp-up-attacks",
    ]);
  });
});

describe("neighborhood", () => {
  it("reads the same relations lean as in detail, and the counts and dates when asked", async () => {
    const lean = "id predicate polarity confidence claimCount from { id } to { id }";
    const detail = `${lean} positiveClaims negativeClaims contested firstReported lastReported`;
    const query = (fields: string) => `{
      neighborhood(id: "iran", depth: 2) { edges { ${fields} } }
      paths(from: "iran", to: "us-forces") { hops { ${fields} } }
      actor(id: "iran") { relations(first: 5) { edges {
        relation { ${fields} } actor { relations(first: 2) { edges { relation { ${fields} } } } }
        claims(first: 2) { id quote polarity confidence document { id title ${fields === detail ? "url" : ""} } ${fields === detail ? "modality start end" : ""} } } } }
    }`;
    const leanData = await data(query(lean));
    const detailData = await data(query(detail));
    const pick = (edge: Any) =>
      Object.fromEntries(
        lean
          .split(" ")
          .filter((k) => k in edge)
          .map((k) => [k, edge[k]]),
      );
    const strip = (value: Any): Any =>
      Array.isArray(value)
        ? value.map(strip)
        : value && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value)
                .filter(
                  ([k]) =>
                    ![
                      ...["positiveClaims", "negativeClaims", "contested", "firstReported", "lastReported"],
                      ...["url", "modality", "start", "end"],
                    ].includes(k),
                )
                .map(([k, v]) => [k, strip(v)]),
            )
          : value;
    expect(leanData.neighborhood.edges.length).toBeGreaterThan(2);
    expect(strip(detailData)).toEqual(leanData);
    const first = detailData.neighborhood.edges[0];
    expect(pick(first)).toEqual(leanData.neighborhood.edges[0]);
    expect(first.positiveClaims).toBeGreaterThan(0);
    expect(first.firstReported).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The neighbourhood's rows come as lists, the paths' as maps: the same relation reads the same.
    const hops = new Map(detailData.paths.flatMap((p: Any) => p.hops).map((h: Any) => [h.id, h]));
    const shared = detailData.neighborhood.edges.filter((e: Any) => hops.has(e.id));
    expect(shared.length).toBeGreaterThan(0);
    for (const edge of shared) expect(edge).toEqual(hops.get(edge.id));
    const claim = detailData.actor.relations.edges[0].claims[0];
    expect(claim.modality).toBeTruthy();
    expect(claim.end).toBeGreaterThan(claim.start);
  });

  it("returns the subgraph within depth hops, only over stated relations", async () => {
    const one = await data(
      `{ neighborhood(id: "irgc-quds-force", depth: 1) { nodes { id } edges { id predicate from { id } to { id } } truncated } }`,
    );
    const ids = one.neighborhood.nodes.map((n: Any) => n.id).sort();
    expect(ids).toEqual(["iran", "iran-backed-militias", "irgc", "irgc-quds-force", "kataib-hezbollah"]);
    for (const e of one.neighborhood.edges) expect(ids).toContain(e.from.id);
    const two = await data(`{ neighborhood(id: "irgc-quds-force", depth: 2) { nodes { id } } }`);
    expect(two.neighborhood.nodes.length).toBeGreaterThan(ids.length);
  });

  it("follows direction and predicates, caps the nodes, and answers asOf", async () => {
    const d = await data(`{
      out: neighborhood(id: "iran", depth: 3, direction: OUTGOING, predicates: [DIRECTS, SUPPORTS, ATTACKS]) { nodes { id } }
      capped: neighborhood(id: "iran", depth: 3, limit: 3) { nodes { id } truncated }
      then: neighborhood(id: "iran", depth: 1, asOf: "2023-10-31") { nodes { id } edges { predicate asOf claimCount } }
      unknown: neighborhood(id: "nobody") { nodes { id } }
    }`);
    expect(d.out.nodes.map((n: Any) => n.id).sort()).toEqual(
      ["iran", "irgc-quds-force", "iran-backed-militias", "kataib-hezbollah", "us-forces"].sort(),
    );
    expect(d.capped).toMatchObject({ truncated: true });
    expect(d.capped.nodes).toHaveLength(3);
    expect(d.then.nodes.map((n: Any) => n.id).sort()).toEqual(["iran", "iran-backed-militias", "irgc-quds-force"]);
    expect(d.then.edges.every((e: Any) => e.asOf === "2023-10-31")).toBe(true);
    expect(d.unknown).toBeNull();
  });
});

describe("paths", () => {
  it("finds the k shortest paths, each hop with its relation and best evidence", async () => {
    const d = await data(`{ paths(from: "iran", to: "us-forces", maxHops: 3, k: 5, direction: OUTGOING,
        predicates: [DIRECTS, SUPPORTS, FUNDS, ARMS, ATTACKS]) {
      length actors { id } hops { predicate from { id } to { id } evidence { quote document { id } } } } }`);
    expect(d.paths).toHaveLength(5);
    expect(d.paths[0].length).toBe(2);
    const lengths = d.paths.map((p: Any) => p.length);
    expect([...lengths].sort()).toEqual(lengths);
    const viaQuds = d.paths.find(
      (p: Any) => p.actors.map((a: Any) => a.id).join(">") === "iran>irgc-quds-force>iran-backed-militias>us-forces",
    );
    expect(viaQuds).toBeTruthy();
    for (const path of d.paths) {
      expect(path.hops).toHaveLength(path.length);
      for (const hop of path.hops) expect(hop.evidence.quote.length).toBeGreaterThan(0);
    }
  });

  it("respects maxHops and asOf, and returns [] when nothing connects", async () => {
    const d = await data(`{
      short: paths(from: "irgc", to: "us-forces", maxHops: 1) { length }
      then: paths(from: "iran", to: "kataib-hezbollah", predicates: [SUPPORTS], asOf: "2023-12-25", direction: OUTGOING) { length }
      later: paths(from: "iran", to: "kataib-hezbollah", predicates: [SUPPORTS], asOf: "2023-12-26", direction: OUTGOING) {
        length hops { predicate asOf contested claimCount } }
      none: paths(from: "iran", to: "nobody") { length }
    }`);
    expect(d.short).toEqual([]);
    expect(d.then).toEqual([]);
    expect(d.later).toEqual([
      { length: 1, hops: [{ predicate: "SUPPORTS", asOf: "2023-12-26", contested: false, claimCount: 1 }] },
    ]);
    expect(d.none).toEqual([]);
  });
});

describe("supportChain", () => {
  it("follows the support family backwards, transitively, with evidence", async () => {
    const d = await data(`{ supportChain(id: "iran-backed-militias", maxHops: 2) {
      actor { id } supporters { id }
      links { depth supporter { id } supported { id } relation { predicate evidence { quote } } } } }`);
    const links = d.supportChain.links.map(
      (l: Any) => `${l.depth}:${l.supporter.id}-${l.relation.predicate}->${l.supported.id}`,
    );
    expect(links).toContain("1:irgc-quds-force-SUPPORTS->iran-backed-militias");
    expect(links).toContain("1:iran-FUNDS->iran-backed-militias");
    expect(links).toContain("2:iran-DIRECTS->irgc-quds-force");
    expect(d.supportChain.supporters.map((a: Any) => a.id).sort()).toEqual(["iran", "irgc-quds-force"]);
    expect((await data(`{ supportChain(id: "nobody") { links { depth } } }`)).supportChain).toBeNull();
  });
});

describe("events, documents and stats", () => {
  it("applies every named actor of a filter, whichever one the search starts from", async () => {
    const ids = async (filter: string) =>
      (await data(`{ events(filter: { ${filter} }) { edges { node { id } } } }`)).events.edges.map(
        (e: Any) => e.node.id,
      );
    expect(await ids(`location: "jordan", perpetrator: "kataib-hezbollah"`)).toEqual(["2024-01-28-attack-tower-22"]);
    expect(await ids(`location: "jordan", perpetrator: "iran"`)).toEqual([]);
    expect(await ids(`location: "jordan", target: "us-forces"`)).toEqual(["2024-01-28-attack-tower-22"]);
    expect(await ids(`location: "jordan", target: "iran"`)).toEqual([]);
    expect(await ids(`perpetrator: "kataib-hezbollah", target: "iran"`)).toEqual([]);
    expect((await ids(`perpetrator: "kataib-hezbollah", target: "us-forces"`)).length).toBeGreaterThan(0);
  });

  it("brings a page's events, participants and documents with the page: one round trip, the same as by id", async () => {
    const fields = `id type date datePrecision weapons killed { low best high } injured { low best high } quote
      perpetrators { id name type aliases country } targets { id } locations { id } documents { id title }`;
    const { result, roundTrips } = await Database.countRoundTrips(() =>
      createTestApp(db)<Any>(
        `{ events(filter: { perpetrator: "kataib-hezbollah" }) { edges { node { ${fields} } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(roundTrips).toBe(1);
    const nodes = result.data.events.edges.map((e: Any) => e.node);
    expect(nodes).toHaveLength(2);
    expect(nodes.every((n: Any) => n.perpetrators.some((a: Any) => a.id === "kataib-hezbollah"))).toBe(true);
    for (const node of nodes) {
      expect((await data(`{ event(id: "${node.id}") { ${fields} } }`)).event).toEqual(node);
    }
  });

  it.each(["id perpetrators { id name }", "id documents { id }", "id targets { id } locations { id }"])(
    "brings only the participant lists a page shows, still in one round trip (%s)",
    async (fields) => {
      const query = `{ events(filter: { perpetrator: "kataib-hezbollah" }) { edges { node { ${fields} } } } }`;
      const { result, roundTrips } = await Database.countRoundTrips(() => createTestApp(db)<Any>(query));
      expect(result.errors).toBeUndefined();
      expect(roundTrips).toBe(1);
      const nodes = result.data.events.edges.map((e: Any) => e.node);
      expect(nodes).toHaveLength(2);
      for (const node of nodes) {
        expect((await data(`{ event(id: "${node.id}") { ${fields} } }`)).event).toEqual(node);
      }
    },
  );

  it("filters events by type, dates, place (places inside it too), perpetrator and target, and pages them", async () => {
    const d = await data(`{
      attacks: events(filter: { types: ["ATTACK"], target: "us-forces" }) { totalCount edges { node { id } } }
      december: events(filter: { from: "2023-12-01", to: "2023-12-31" }) { edges { node { id } } }
      jordan: events(filter: { location: "jordan" }) { edges { node { id } } }
      byKh: events(filter: { perpetrator: "kataib-hezbollah" }) { edges { node { id } } }
      page: events(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } }
      event(id: "2024-01-28-attack-tower-22") { type date datePrecision weapons killed { low best high } injured { best }
        perpetrators { id } targets { id } locations { id } documents { id } quote }
      missing: event(id: "nope") { id }
    }`);
    expect(d.attacks.totalCount).toBe(3);
    expect(d.december.edges.map((e: Any) => e.node.id).sort()).toEqual([
      "2023-12-25-air-strike-iraq",
      "2023-12-25-attack-erbil",
    ]);
    expect(d.jordan.edges.map((e: Any) => e.node.id)).toEqual(["2024-01-28-attack-tower-22"]);
    expect(d.byKh.edges).toHaveLength(2);
    expect(d.event).toMatchObject({
      type: "ATTACK",
      date: "2024-01-28",
      killed: { low: 3, best: 3, high: 3 },
      injured: { best: 40 },
    });
    expect(d.event.perpetrators.map((a: Any) => a.id).sort()).toEqual(["iran-backed-militias", "kataib-hezbollah"]);
    expect(d.missing).toBeNull();
    const next = await data(
      `query($after: String) { events(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      {
        after: d.page.pageInfo.endCursor,
      },
    );
    const all = [...d.page.edges, ...next.events.edges].map((e: Any) => e.node.id);
    expect(new Set(all).size).toBe(4);
    expect(next.events.pageInfo.hasNextPage).toBe(false);
  });

  // events/page-anchored starts from one of the named actors and leaves the
  // branches and checks of the others out (optional parts): each combination
  // must still give the events every named actor has.
  it("filters events by several actors at once: the events all of them have", async () => {
    type Anchor = "location" | "perpetrator" | "target";
    const filters: Record<Anchor, string> = { location: "iraq", perpetrator: "kataib-hezbollah", target: "us-forces" };
    const ids = async (anchors: Anchor[]) => {
      const args = anchors.map((a) => `${a}: "${filters[a]}"`).join(", ");
      const d = await data(`{ events(filter: { ${args} }, first: 100) { totalCount edges { node { id } } } }`);
      expect(d.events.totalCount).toBe(d.events.edges.length);
      return new Set<string>(d.events.edges.map((e: Any) => e.node.id));
    };
    const alone = {
      location: await ids(["location"]),
      perpetrator: await ids(["perpetrator"]),
      target: await ids(["target"]),
    };
    const combinations: Anchor[][] = [
      ["location", "perpetrator"],
      ["location", "target"],
      ["perpetrator", "target"],
      ["location", "perpetrator", "target"],
    ];
    let narrowed = 0;
    for (const anchors of combinations) {
      const expected = [...alone[anchors[0] as Anchor]].filter((id) => anchors.every((a) => alone[a].has(id)));
      expect([...(await ids(anchors))].sort(), anchors.join(" + ")).toEqual(expected.sort());
      if (expected.length > 0 && expected.length < alone[anchors[0] as Anchor].size) narrowed += 1;
    }
    // Not vacuous: some combination keeps some, but not all, of its first actor's events.
    expect(narrowed).toBeGreaterThan(0);
  });

  // events/page and events/count bound the sortKey index by the dates: a bound
  // one character off drops the events of the first or the last day.
  it("keeps both ends of a date range, with and without a cursor, and counts what it pages", async () => {
    const page = async (filter: string, after: string | null = null) =>
      (
        await data(
          `query($after: String) { events(filter: { ${filter} }, first: 1, after: $after) {
            totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        )
      ).events;
    const christmas = await page(`from: "2023-12-25", to: "2023-12-25"`);
    expect(christmas.totalCount).toBe(2);
    const rest = await page(`from: "2023-12-25", to: "2023-12-25"`, christmas.pageInfo.endCursor);
    expect([...christmas.edges, ...rest.edges].map((e: Any) => e.node.id).sort()).toEqual([
      "2023-12-25-air-strike-iraq",
      "2023-12-25-attack-erbil",
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const edges = await page(`from: "2023-10-18", to: "2024-01-28"`);
    expect(edges.totalCount).toBe(4);
    expect(edges.edges.map((e: Any) => e.node.id)).toEqual(["2024-01-28-attack-tower-22"]);
    expect((await page(`from: "2023-10-18", to: "2023-10-18"`)).edges.map((e: Any) => e.node.id)).toEqual([
      "2023-10-18-attack-al-tanf",
    ]);
    // No filter: the count store counts (events/count-all), the same total as every filter that lets all through.
    expect((await page("")).totalCount).toBe(4);
    expect(await page(`from: "2024-01-29"`)).toMatchObject({ totalCount: 0, edges: [] });
    expect(await page(`to: "2023-10-17"`)).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("lists documents newest first and shows one with its actors, claims and events", async () => {
    const d = await data(`{
      documents(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
      document(id: "doc-tower-22") { title url publishedAt source license contentHash ingestedAt
        actors { id } claims { predicate subject { id } object { id } quote start end } events { id } }
      missing: document(id: "nope") { id }
    }`);
    expect(d.documents.totalCount).toBe(3);
    expect(d.documents.edges.map((e: Any) => e.node.id)).toEqual([
      "doc-tower-22",
      "doc-centcom-strikes-kataib-hezbollah",
    ]);
    const next = await data(`query($after: String) { documents(after: $after) { edges { node { id } } } }`, {
      after: d.documents.pageInfo.endCursor,
    });
    expect(next.documents.edges.map((e: Any) => e.node.id)).toEqual(["doc-militias-ramp-up-attacks"]);
    expect(d.document.actors).toHaveLength(8);
    expect(d.document.claims).toHaveLength(6);
    expect(d.document.claims[0]).toMatchObject({
      predicate: "ATTACKS",
      subject: { id: "iran-backed-militias" },
      start: 0,
    });
    expect(d.document.events).toEqual([{ id: "2024-01-28-attack-tower-22" }]);
    expect(d.missing).toBeNull();
  });

  it("counts actors by type, relations by predicate, documents, claims and events", async () => {
    const d = await data(
      `{ stats { actorsByType { type count } relationsByPredicate { predicate count contested } documents claims events } }`,
    );
    expect(d.stats).toMatchObject({ documents: 3, claims: 21, events: 4 });
    expect(d.stats.actorsByType).toContainEqual({ type: "ArmedGroup", count: 3 });
    expect(d.stats.relationsByPredicate).toContainEqual({ predicate: "DIRECTS", count: 3, contested: 1 });
    // Every predicate once, in the model's order, each counted as the graph holds it (unused ones 0).
    expect(d.stats.relationsByPredicate.map((r: Any) => r.predicate)).toEqual([...PREDICATES]);
    const stored = await db.read<{ predicate: string; count: number }>(
      "MATCH ()-[r]->() WHERE type(r) IN $predicates RETURN type(r) AS predicate, count(*) AS count",
      { predicates: [...PREDICATES] },
    );
    for (const r of d.stats.relationsByPredicate) {
      expect(r.count, r.predicate).toBe(stored.find((s) => s.predicate === r.predicate)?.count ?? 0);
    }
    expect(d.stats.relationsByPredicate.some((r: Any) => r.count === 0)).toBe(true);
  });
});

describe("limits and validation", () => {
  it.each([
    [`{ actors(first: 101) { totalCount } }`, "LIMIT_EXCEEDED", "first is limited to 100"],
    [`{ actors(first: -1) { totalCount } }`, "BAD_USER_INPUT", "first must be a whole number from 0 to 100"],
    [`{ paths(from: "iran", to: "us-forces", maxHops: 7) { length } }`, "LIMIT_EXCEEDED", "maxHops is limited to 6"],
    [`{ paths(from: "iran", to: "us-forces", k: 6) { length } }`, "LIMIT_EXCEEDED", "k is limited to 5"],
    [`{ neighborhood(id: "iran", depth: 4) { truncated } }`, "LIMIT_EXCEEDED", "depth is limited to 3"],
    [`{ neighborhood(id: "iran", limit: 501) { truncated } }`, "LIMIT_EXCEEDED", "limit is limited to 500"],
    [`{ actors(after: "not-a-cursor") { totalCount } }`, "BAD_USER_INPUT", "Malformed cursor"],
    [
      `{ actor(id: "iran") { relations(minConfidence: 2) { totalCount } } }`,
      "BAD_USER_INPUT",
      "minConfidence must be between 0 and 1",
    ],
  ])("%s -> %s", async (query, code, message) => {
    const e = await error(query);
    expect(e.extensions?.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it("rejects a cursor of another field", async () => {
    const d = await data(`{ events(first: 1) { pageInfo { endCursor } } }`);
    const e = await error(`query($after: String) { actors(after: $after) { totalCount } }`, {
      after: d.events.pageInfo.endCursor,
    });
    expect(e.message).toContain("Malformed cursor");
  });

  it("names the allowed values of an unknown predicate, as a literal and as a variable", async () => {
    const literal = await error(`{ actor(id: "iran") { relations(predicates: [LIKES]) { totalCount } } }`);
    expect(literal.message).toContain('Value "LIKES" does not exist in "Predicate" enum');
    expect(literal.message).toContain("Allowed: ALLIED_WITH, ARMS, ASSOCIATED_WITH");
    const variable = await error(
      `query($p: [Predicate!]) { actor(id: "iran") { relations(predicates: $p) { totalCount } } }`,
      {
        p: ["LIKES"],
      },
    );
    expect(variable.message).toContain("Allowed: ALLIED_WITH");
  });

  it("says how to write a date when asOf is malformed", async () => {
    const literal = await error(`{ actor(id: "iran") { relations(asOf: "31/10/2023") { totalCount } } }`);
    expect(literal.message).toContain("YYYY-MM-DD");
    const variable = await error(`query($d: Date) { events(filter: { from: $d }) { totalCount } }`, {
      d: "2023-13-45",
    });
    expect(variable.message).toContain("YYYY-MM-DD");
  });

  it("refuses queries nested deeper than the depth limit before running any Cypher", async () => {
    const deep = `{ actor(id: "iran") { relations { edges { actor { relations { edges { actor { relations { edges { actor {
      relations { edges { actor { id } } } } } } } } } } } } } }`;
    const e = await error(deep);
    expect(e.message).toMatch(/depth/i);
  });
});

describe("GraphiQL examples", () => {
  it.each([DEFAULT_OPERATION, ...EXAMPLE_OPERATIONS].map((op) => [op.name, op] as const))(
    "%s runs without errors and returns data",
    async (_name, op) => {
      const d = await data(op.query, op.variables);
      expect(Object.keys(d).length).toBeGreaterThan(0);
    },
  );

  it("the default operation shows Iran → IRGC-Quds Force → militias → U.S. forces", async () => {
    const d = await data(DEFAULT_OPERATION.query);
    const links = d.supportChain.links.map((l: Any) => `${l.supporter.id}>${l.supported.id}`);
    expect(links).toContain("iran>irgc-quds-force");
    expect(links).toContain("irgc-quds-force>iran-backed-militias");
    expect(d.militias.relations.edges[0]).toMatchObject({ predicate: "ATTACKS", actor: { id: "us-forces" } });
    const chains = d.paths.map((p: Any) => p.actors.map((a: Any) => a.name).join(" → "));
    expect(chains).toContain("Iran → IRGC-Quds Force → Iran-backed militias → U.S. forces");
  });

  it("serves GraphiQL with the default operation and the saved examples", async () => {
    const { createApp } = await import("../../src/api/yoga.ts");
    const { createLogger } = await import("../../src/log.ts");
    const app = createApp({
      graph: createGraph(db),
      log: createLogger("silent", { pretty: false }),
      readiness: () => ({ ready: true }),
    });
    const html = await (await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } })).text();
    expect(html).toContain("IranToUsForces");
    expect(html).toContain("query Neighbourhood");
  });
});
