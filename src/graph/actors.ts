// Actor lookups: by id (batched), by name or alias, filtered keyset pages,
// full-text search, and each actor's events and documents (batched).
import type { Database } from "../db/database.ts";
import { InvalidInputError, LimitExceededError } from "../errors.ts";
import { ENTITY_TYPES } from "../model.ts";
import { byKey, readByIds, toKeysetPage } from "./common.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { toNameKey } from "./keys.ts";
import { checkCount, LIMITS } from "./limits.ts";
import type { ActorRecord, ClaimRecord, DocumentRecord, EventRecord, Page } from "./records.ts";
import {
  type ActorWithRelationsRow,
  type RelationsArgs,
  type RelationsInclude,
  readActorsWithRelations,
  relationsArgsKey,
  toRelationsPage,
} from "./relations.ts";

export type ActorFilter = { types?: readonly string[] | null; nameContains?: string | null; country?: string | null };
export type ActorOrder = "NAME" | "ID";
export type EventRole = "PERPETRATOR" | "TARGET" | "LOCATION";

export type SearchHit = {
  score: number;
  field: "name" | "quote";
  snippet: string;
  actor: ActorRecord;
  claim: ClaimRecord | null;
};

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** User text as a safe Lucene query: terms escaped, the last one also as a prefix. */
export function toLuceneQuery(text: string): string {
  const terms = text
    .split(/\s+/)
    .map((t) => t.replace(LUCENE_SPECIAL, " ").trim())
    .flatMap((t) => t.split(/\s+/))
    .filter((t) => t.length > 0 && !/^(AND|OR|NOT|TO)$/.test(t));
  if (terms.length === 0) return "";
  const last = terms[terms.length - 1] ?? "";
  return [...terms, `${last.toLowerCase()}*`].join(" ");
}

/** The part of `text` around the first query term, the matched words marked **like this**. */
export function toSnippet(text: string, query: string, width = 160): string {
  const terms = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);
  const lower = text.toLowerCase();
  const positions = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  let snippet = text.slice(start, start + width);
  for (const term of terms) {
    snippet = snippet.replace(
      new RegExp(`(${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\p{L}\\p{N}]*)`, "giu"),
      "**$1**",
    );
  }
  return `${start > 0 ? "…" : ""}${snippet}${start + width < text.length ? "…" : ""}`;
}

function filterParams(filter: ActorFilter) {
  // Every actor has a type of the ontology, so "any type" is the full list: the type index still serves it.
  const types = filter.types && filter.types.length > 0 ? [...filter.types] : [...ENTITY_TYPES];
  checkCount("types", types.length, LIMITS.filterValues, 1);
  const nameContains = filter.nameContains ? toNameKey(filter.nameContains) : null;
  return { types, country: filter.country ?? null, nameContains: nameContains || null };
}

export function createActorReads(db: Database) {
  return {
    /** Actors by id, in request order, null for unknown ids (one round trip). */
    async findActorsByIds(ids: readonly string[]): Promise<(ActorRecord | null)[]> {
      return readByIds<ActorRecord>(db, "actors/find-by-ids", "actor", ids);
    },

    /** The actor a name or alias names, ignoring case, punctuation and a leading "the". */
    async findActorByName(name: string): Promise<ActorRecord | null> {
      const key = toNameKey(name);
      if (!key) return null;
      const rows = await db.read<{ actor: ActorRecord }>("actors/find-by-name-key", { key });
      return rows[0]?.actor ?? null;
    },

    /**
     * A page of actors; with `relations`, each actor's first page of stored
     * relations (and what `include` asks for) in the same statement.
     */
    async listActors(
      args: {
        filter?: ActorFilter | null;
        orderBy?: ActorOrder | null;
        first?: number | null;
        after?: string | null;
      },
      relations: { args: RelationsArgs; include: RelationsInclude } | null = null,
    ): Promise<Page<ActorRecord>> {
      const first = checkCount("first", args.first ?? 20, LIMITS.first);
      const orderBy = args.orderBy ?? "NAME";
      const cursor = decodeCursor(`actors:${orderBy}`, args.after, 2);
      const filter = filterParams(args.filter ?? {});
      const page = {
        ...filter,
        orderBy,
        afterKey: cursor?.[0] ?? null,
        afterId: cursor?.[1] ?? null,
        limit: first + 1,
      };
      const cursorOf = (r: { actor: ActorRecord; sortKey: string | null }) =>
        encodeCursor(`actors:${orderBy}`, [r.sortKey ?? "", r.actor.id]);
      const count = async () => (await db.read<{ count: number }>("actors/count", filter))[0]?.count ?? 0;
      const key = relations ? relationsArgsKey(relations.args) : "";
      const withRelations = (r: ActorWithRelationsRow, asked: NonNullable<typeof relations>) => ({
        ...r.actor,
        prefetchedRelations: { key, page: toRelationsPage(r, asked.args, asked.include) },
      });
      // No filter at all: the page comes from an index in its order (a filter that lists every type still
      // reads through the type index), then its relations by id: two round trips instead of sorting every actor.
      if (!args.filter?.types?.length && filter.country === null && filter.nameContains === null) {
        const rows = await db.read<{ actor: ActorRecord; sortKey: string }>("actors/page-every", page);
        if (!relations) return toKeysetPage(rows, first, (r) => r.actor, cursorOf, count);
        const ids = rows.map((r) => r.actor.id);
        const read = await readActorsWithRelations(db, { ids }, relations);
        const related = byKey(
          ids,
          read,
          (r) => r.id,
          (r) => r,
          null,
        );
        // An actor removed between the two statements keeps its place with no relations, so paging goes on.
        const paged = rows.map((r, i) => ({
          ...(related[i] ?? { id: r.actor.id, actor: r.actor, page: [] }),
          sortKey: r.sortKey,
        }));
        return toKeysetPage(paged, first, (r) => withRelations(r, relations), cursorOf, count);
      }
      // Without relations a statement of its own: the same page read through with-relations took ~1 ms more.
      if (!relations) {
        const rows = await db.read<{ actor: ActorRecord; sortKey: string }>("actors/page", page);
        return toKeysetPage(rows, first, (r) => r.actor, cursorOf, count);
      }
      return toKeysetPage(
        await readActorsWithRelations(db, { page }, relations),
        first,
        (r) => withRelations(r, relations),
        cursorOf,
        count,
      );
    },

    /** Cursor of one actor in a listing (for edges). */
    actorCursor(actor: ActorRecord, orderBy: ActorOrder = "NAME"): string {
      return encodeCursor(`actors:${orderBy}`, [orderBy === "ID" ? actor.id : toNameKey(actor.name), actor.id]);
    },

    /** Full-text hits, best first; the matched claims only `withClaims` (a query that shows them). */
    async searchActors(
      args: {
        text: string;
        types?: readonly string[] | null;
        first?: number | null;
      },
      include: { withClaims: boolean } = { withClaims: true },
    ): Promise<SearchHit[]> {
      const first = checkCount("first", args.first ?? 10, LIMITS.first);
      if (args.text.length > LIMITS.searchText) {
        throw new LimitExceededError(`text is limited to ${LIMITS.searchText} characters; got ${args.text.length}.`);
      }
      const query = toLuceneQuery(args.text);
      if (!query) throw new InvalidInputError("text must contain at least one letter or digit to search for.");
      const types = args.types && args.types.length > 0 ? [...args.types] : null;
      const rows = await db.read<{
        actor: ActorRecord;
        claim: ClaimRecord | null;
        quote: string | null;
        score: number;
        field: "name" | "quote";
      }>("actors/search", { query, types, limit: first, withClaims: include.withClaims });
      return rows.map(({ quote, ...row }) => {
        const names = [row.actor.name, ...row.actor.aliases];
        const terms = toNameKey(args.text).split(" ");
        const matched = names.find((n) => terms.some((t) => toNameKey(n).includes(t))) ?? row.actor.name;
        return {
          ...row,
          snippet: toSnippet(quote ?? matched, args.text),
        };
      });
    },

    /** Each actor's events, newest first (one round trip per batch). */
    async findEventsOfActors(ids: readonly string[], args: { role?: EventRole | null; first?: number | null }) {
      const limit = checkCount("first", args.first ?? 20, LIMITS.first);
      const rows = await db.read<{ id: string; events: EventRecord[] }>("events/of-actors", {
        ids: [...ids],
        role: args.role ?? null,
        limit,
      });
      return byKey(
        ids,
        rows,
        (r) => r.id,
        (r) => r.events,
        [] as EventRecord[],
      );
    },

    /** The documents that mention each actor, newest first (one round trip per batch). */
    async findDocumentsOfActors(ids: readonly string[], args: { first?: number | null }) {
      const limit = checkCount("first", args.first ?? 20, LIMITS.first);
      const rows = await db.read<{ id: string; documents: DocumentRecord[] }>("documents/of-actors", {
        ids: [...ids],
        limit,
      });
      return byKey(
        ids,
        rows,
        (r) => r.id,
        (r) => r.documents,
        [] as DocumentRecord[],
      );
    },
  };
}
