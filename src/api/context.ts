// What every resolver receives: the data layer and the request's identity.
import type { Graph } from "../graph/index.ts";
import type { Logger } from "../log.ts";

export type Context = {
  graph: Graph;
  requestId: string;
  log: Logger;
};
