// Registers the subcommands that other issues add (extract, ingest, …).
// Each line: registerCommand(name, () => import(...)).
import { registerCommand } from "../cli.ts";

registerCommand("extract", () => import("./extract.ts").then((m) => m.extractCommand));
registerCommand("eval", () => import("./eval.ts").then((m) => m.evalCommand));
