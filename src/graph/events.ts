// Events: filtered keyset pages (newest first), lookups by id and their
// participants and reporting documents (batched).
import type { Database } from "../db/database.ts";
import { byKey, readByIds, toKeysetPage } from "./common.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { checkCount, checkDate, LIMITS } from "./limits.ts";
import type { EventParticipants, EventRecord, Page, ParticipantList, PrefetchedParticipants } from "./records.ts";

export type EventFilter = {
  types?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  location?: string | null;
  perpetrator?: string | null;
  target?: string | null;
};

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
      const rows = await db.read<{ event: EventRecord; sortKey: string; participants: PrefetchedParticipants | null }>(
        anchored ? "events/page-anchored" : "events/page",
        {
          ...filter,
          after: cursor?.[0] ?? null,
          limit: first + 1,
          participants: include.participants,
        },
      );
      return toKeysetPage(
        rows,
        first,
        (r) => (r.participants ? { ...r.event, prefetchedParticipants: r.participants } : r.event),
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
