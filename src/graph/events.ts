// Events: filtered keyset pages (newest first), lookups by id and their
// participants and reporting documents (batched).
import type { Database } from "../db/database.ts";
import { type ActorTuple, byKey, readByIds, toActorRecord, toKeysetPage } from "./common.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { checkCount, checkDate, LIMITS } from "./limits.ts";
import type {
  DocumentRecord,
  EventParticipants,
  EventRecord,
  Page,
  ParticipantList,
  PrefetchedParticipants,
} from "./records.ts";

export type EventFilter = {
  types?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  location?: string | null;
  perpetrator?: string | null;
  target?: string | null;
};

/** An event as events/page and events/page-anchored return it: a list, not a map (see the statements). */
type EventTuple = [
  id: string,
  type: string,
  date: string | null,
  datePrecision: string | null,
  weapons: string[],
  killedLow: number | null,
  killedBest: number | null,
  killedHigh: number | null,
  injuredLow: number | null,
  injuredBest: number | null,
  injuredHigh: number | null,
  quote: string | null,
];

/** The participant lists of a page's event: those not asked for are null; actors as lists. */
type ParticipantTuples = {
  perpetrators: ActorTuple[] | null;
  targets: ActorTuple[] | null;
  locations: ActorTuple[] | null;
  documents: DocumentRecord[] | null;
};

function toEventRecord(event: EventTuple): EventRecord {
  return {
    id: event[0],
    type: event[1],
    date: event[2],
    datePrecision: event[3],
    weapons: event[4],
    killedLow: event[5],
    killedBest: event[6],
    killedHigh: event[7],
    injuredLow: event[8],
    injuredBest: event[9],
    injuredHigh: event[10],
    quote: event[11],
  };
}

function toPrefetchedParticipants(lists: ParticipantTuples): PrefetchedParticipants {
  return {
    perpetrators: lists.perpetrators?.map(toActorRecord) ?? null,
    targets: lists.targets?.map(toActorRecord) ?? null,
    locations: lists.locations?.map(toActorRecord) ?? null,
    documents: lists.documents,
  };
}

export function createEventReads(db: Database) {
  return {
    /** A page of events; the participant lists named in `participants` come in the same statement. */
    async listEvents(
      args: {
        filter?: EventFilter | null;
        first?: number | null;
        after?: string | null;
      },
      include: { participants: readonly ParticipantList[] } = { participants: [] },
    ): Promise<Page<EventRecord>> {
      const first = checkCount("first", args.first ?? 20, LIMITS.first);
      const cursor = decodeCursor("events", args.after, 1);
      const f = args.filter ?? {};
      const types = f.types && f.types.length > 0 ? [...f.types] : null;
      if (types) checkCount("types", types.length, LIMITS.filterValues, 1);
      const filter = {
        types,
        from: checkDate("from", f.from),
        to: checkDate("to", f.to),
        location: f.location ?? null,
        perpetrator: f.perpetrator ?? null,
        target: f.target ?? null,
      };
      // Named actors narrow the events to theirs: start there rather than from every event.
      const anchored = filter.location !== null || filter.perpetrator !== null || filter.target !== null;
      const unfiltered = !anchored && types === null && filter.from === null && filter.to === null;
      const countStatement = anchored ? "events/count-anchored" : unfiltered ? "events/count-all" : "events/count";
      const rows = await db.read<{ event: EventTuple; sortKey: string; participants: ParticipantTuples | null }>(
        anchored ? "events/page-anchored" : "events/page",
        {
          ...filter,
          after: cursor?.[0] ?? null,
          limit: first + 1,
          // A map of the asked lists, or null: the statement's optional parts test each one.
          participants:
            include.participants.length > 0
              ? Object.fromEntries(include.participants.map((list) => [list, true]))
              : null,
        },
      );
      return toKeysetPage(
        rows,
        first,
        (r) => {
          const event = toEventRecord(r.event);
          if (r.participants) event.prefetchedParticipants = toPrefetchedParticipants(r.participants);
          return event;
        },
        (r) => encodeCursor("events", [r.sortKey]),
        async () => (await db.read<{ count: number }>(countStatement, filter))[0]?.count ?? 0,
      );
    },

    eventCursor(event: EventRecord): string {
      return encodeCursor("events", [`${event.date ?? "0000-00-00"}|${event.id}`]);
    },

    async findEventsByIds(ids: readonly string[]): Promise<(EventRecord | null)[]> {
      return readByIds<EventRecord>(db, "events/find-by-ids", "event", ids);
    },

    async findEventParticipants(ids: readonly string[]): Promise<EventParticipants[]> {
      const rows = await db.read<EventParticipants & { id: string }>("events/participants", { ids: [...ids] });
      const empty: EventParticipants = { perpetrators: [], targets: [], locations: [], documents: [] };
      return byKey(
        ids,
        rows,
        (r) => r.id,
        (r) => r,
        empty,
      );
    },
  };
}
