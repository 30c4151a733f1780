// Registers the subcommands beyond db and schema. Each is loaded only when called.
import { registerCommand } from "../cli.ts";

registerCommand("keys", async () => (await import("./keys.ts")).keysCommand);
