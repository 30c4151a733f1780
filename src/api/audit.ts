// The audit trail: who wrote what, when, to which ids. Admins only.
import type { AuditEntry } from "../graph/index.ts";
import { builder } from "./builder.ts";
import { connectionRef, toConnection } from "./connections.ts";

const AuditEntryRef = builder.objectRef<AuditEntry>("AuditEntry").implement({
  description: "One write through the API, recorded in the write's own transaction.",
  fields: (t) => ({
    id: t.exposeID("id"),
    at: t.exposeString("at", { description: "When it was committed (ISO date-time, UTC)." }),
    action: t.exposeString("action", { description: "What was done, e.g. ingestDocument or mergeActors." }),
    ids: t.exposeStringList("ids", { description: "The ids it created or changed." }),
    principalKind: t.exposeString("principalKind", { description: "api-key, jwt or anonymous." }),
    principalId: t.exposeString("principalId", { nullable: true, description: "API key id or JWT subject." }),
    principalName: t.exposeString("principalName", { nullable: true }),
    role: t.exposeString("role", { nullable: true, description: "The caller's role at the time." }),
    requestId: t.exposeString("requestId", { nullable: true, description: "x-request-id of the request (logs)." }),
  }),
});

const AuditEntryConnectionRef = connectionRef<AuditEntry>(
  "AuditEntry",
  AuditEntryRef,
  "A page of the audit trail, newest first.",
);

builder.queryField("auditTrail", (t) =>
  t.field({
    type: AuditEntryConnectionRef,
    authScopes: { admin: true },
    description: "Every write through the API, newest first (admin role).",
    args: {
      first: t.arg.int({ defaultValue: 20, description: "At most 100." }),
      after: t.arg.string({ description: "endCursor of the previous page." }),
      action: t.arg.string({ description: "Only this action (e.g. mergeActors)." }),
      principal: t.arg.string({ description: "Only writes by this API key id or JWT subject." }),
    },
    resolve: async (_root, args, { graph }) => {
      const page = await graph.listAuditEntries(args);
      return toConnection(page, (entry) => graph.auditCursor(entry));
    },
  }),
);
