// The audit trail: every write through the API records who did what, when,
// and to which ids, as an :AuditEntry written in the write's own transaction
// (so there is no write without its entry, and no entry without its write).
import { randomUUID } from "node:crypto";
import type { Database, Tx } from "../db/database.ts";

export type AuditActor = {
  principalKind: string;
  principalId: string | null;
  principalName: string | null;
  role: string | null;
  requestId: string | null;
};

export type AuditEntry = AuditActor & { id: string; at: string; action: string; ids: string[] };

export async function recordAudit(tx: Tx, actor: AuditActor, action: string, ids: string[]): Promise<AuditEntry> {
  const entry: AuditEntry = { id: randomUUID(), at: new Date().toISOString(), action, ids, ...actor };
  await tx.run("audit/save", { entry });
  return entry;
}

export function createAuditReads(db: Database) {
  return {
    /** The newest entries, newest first (at most 1000). */
    async listRecentAuditEntries(limit: number): Promise<AuditEntry[]> {
      const rows = await db.read<{ entry: AuditEntry }>("audit/recent", { limit: Math.min(Math.max(limit, 1), 1000) });
      return rows.map((r) => r.entry);
    },
  };
}
