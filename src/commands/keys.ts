// `actorgraph keys create|revoke|list`: API keys for the GraphQL API.
import { parseArgs } from "node:util";
import { generateApiKey } from "../auth/api-keys.ts";
import { isRole, ROLES } from "../auth/roles.ts";
import type { Command } from "../cli.ts";
import { loadConfig } from "../config.ts";
import { createApiKeyStore } from "../graph/api-keys.ts";
import { openDatabase } from "./connect.ts";

const HELP = `Usage:
  actorgraph keys create --name NAME --role ${ROLES.join("|")}   prints the key once; store it safely
  actorgraph keys revoke ID                                   the key stops working within 10 s
  actorgraph keys list                                        ids, names, roles, dates (never secrets)

Send a key as "Authorization: Bearer <key>" or "x-api-key: <key>".`;

export const keysCommand: Command = {
  summary: "create, revoke or list API keys (roles: reader, editor, admin)",
  async run(args) {
    const [action, ...rest] = args;
    if (!action || action === "--help" || action === "-h") {
      console.log(HELP);
      return action ? 0 : 2;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      options: { name: { type: "string" }, role: { type: "string" } },
      allowPositionals: true,
    });
    if (action === "create") {
      if (!values.name?.trim()) throw new Error(`--name is required.\n\n${HELP}`);
      if (!isRole(values.role)) throw new Error(`--role must be one of ${ROLES.join(", ")}.\n\n${HELP}`);
    } else if (action === "revoke" && !positionals[0]) {
      throw new Error(`Name the key to revoke: actorgraph keys revoke ID (see actorgraph keys list).`);
    } else if (!["create", "revoke", "list"].includes(action)) {
      console.error(HELP);
      return 2;
    }
    const db = await openDatabase(loadConfig(), (m) => console.error(m));
    const store = createApiKeyStore(db);
    try {
      switch (action) {
        case "create": {
          const key = generateApiKey();
          const role = values.role as string;
          await store.saveApiKey({ id: key.id, name: values.name as string, role, hash: key.hash });
          console.log(key.token);
          console.error(`Created ${role} key ${key.id} ("${values.name}"). It is shown only now.`);
          return 0;
        }
        case "revoke": {
          const id = positionals[0] as string;
          const revoked = await store.revokeApiKey(id);
          if (!revoked) {
            console.error(`No API key with id ${id} (see actorgraph keys list).`);
            return 1;
          }
          console.log(`Revoked ${revoked.id} at ${revoked.revokedAt}.`);
          return 0;
        }
        default: {
          const keys = await store.listApiKeys();
          if (keys.length === 0)
            console.log("No API keys. Create one with: actorgraph keys create --name NAME --role editor");
          for (const k of keys) {
            console.log(
              `${k.id}  ${k.role.padEnd(6)}  ${k.name}  created ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ""}`,
            );
          }
          return 0;
        }
      }
    } finally {
      await db.close();
    }
  },
};
