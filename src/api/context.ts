// What every resolver receives: the data layer and the request's identity.
import type { PubSub } from "graphql-yoga";
import type { Principal } from "../auth/roles.ts";
import type { ClaimRecord, Graph } from "../graph/index.ts";
import type { Logger } from "../log.ts";

export type Context = {
  graph: Graph;
  requestId: string;
  log: Logger;
  /** Who is calling (an API key, a JWT subject or anonymous). */
  principal: Principal;
  /** False when reads are open to anonymous callers (AUTH_READS). */
  readsRequireRole: boolean;
  /** In-process pub/sub for subscriptions; swap for a Redis event target when several instances run. */
  pubsub: PubSub<{ claimAdded: [ClaimRecord] }>;
};
