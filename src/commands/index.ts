// Registers the subcommands beyond db and schema. Each is loaded only when called.
import { registerCommand } from "../cli.ts";

registerCommand("extract", () => import("./extract.ts").then((m) => m.extractCommand));
registerCommand("eval", () => import("./eval.ts").then((m) => m.evalCommand));
registerCommand("ingest", () => import("./ingest.ts").then((m) => m.ingestCommand));
registerCommand("import", () => import("./import.ts").then((m) => m.importCommand));
registerCommand("keys", () => import("./keys.ts").then((m) => m.keysCommand));
