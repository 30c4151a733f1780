// API keys in Neo4j: stored hashed, created and revoked by `actorgraph keys`.
import type { StoredApiKey } from "../auth/authenticate.ts";
import type { Database } from "../db/database.ts";

export type ApiKeyInfo = { id: string; name: string; role: string; createdAt: string; revokedAt: string | null };

export function createApiKeyStore(db: Database) {
  return {
    async saveApiKey(key: {
      id: string;
      name: string;
      role: string;
      hash: string;
    }): Promise<{ id: string; createdAt: string }> {
      const [row] = await db.write<{ id: string; createdAt: string }>("auth/save-api-key", key);
      if (!row) throw new Error("Saving the API key returned nothing");
      return row;
    },
    async findApiKey(id: string): Promise<StoredApiKey | null> {
      const [row] = await db.read<StoredApiKey>("auth/find-api-key", { id });
      return row ?? null;
    },
    async revokeApiKey(id: string): Promise<{ id: string; revokedAt: string } | null> {
      const [row] = await db.write<{ id: string; revokedAt: string }>("auth/revoke-api-key", { id });
      return row ?? null;
    },
    listApiKeys(): Promise<ApiKeyInfo[]> {
      return db.read<ApiKeyInfo>("auth/list-api-keys");
    },
  };
}
