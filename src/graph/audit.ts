// The audit trail: every write through the API records who did what, when,
// and to which ids, as an :AuditEntry written in the write's own transaction
// (so there is no write without its entry, and no entry without its write).
// Admins page through it newest first.
import { randomUUID } from "node:crypto";
import type { Database, Tx } from "../db/database.ts";
import { toKeysetPage } from "./common.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { checkCount, LIMITS } from "./limits.ts";
import type { Page } from "./records.ts";

export type AuditActor = {
  principalKind: string;
  principalId: string | null;
  principalName: string | null;
  role: string | null;
  requestId: string | null;
};

export type AuditEntry = AuditActor & { id: string; at: string; action: string; ids: string[] };

export type AuditFilter = { action?: string | null; principal?: string | null };

export async function recordAudit(tx: Tx, actor: AuditActor, action: string, ids: string[]): Promise<AuditEntry> {
  const entry: AuditEntry = { id: randomUUID(), at: new Date().toISOString(), action, ids, ...actor };
  await tx.run("audit/save", { entry });
  return entry;
}

export function createAuditReads(db: Database) {
  return {
    async listAuditEntries(
      args: AuditFilter & { first?: number | null; after?: string | null },
    ): Promise<Page<AuditEntry>> {
      const first = checkCount("first", args.first ?? 20, LIMITS.first);
      const cursor = decodeCursor("audit", args.after, 2);
      const filter = { action: args.action ?? null, principal: args.principal ?? null };
      const rows = await db.read<{ entry: AuditEntry }>("audit/page", {
        ...filter,
        afterAt: cursor?.[0] ?? null,
        afterId: cursor?.[1] ?? null,
        limit: first + 1,
      });
      return toKeysetPage(
        rows,
        first,
        (r) => r.entry,
        (r) => encodeCursor("audit", [r.entry.at, r.entry.id]),
        async () => (await db.read<{ count: number }>("audit/count", filter))[0]?.count ?? 0,
      );
    },

    auditCursor(entry: AuditEntry): string {
      return encodeCursor("audit", [entry.at, entry.id]);
    },
  };
}
