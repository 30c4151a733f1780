// `actorgraph schema --write|--check`: prints the SDL from the builder to
// schema/schema.graphql, or fails when the committed file is stale.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "../cli.ts";
import { PROJECT_ROOT } from "../db/local-neo4j.ts";

const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema/schema.graphql");

export const schemaCommand: Command = {
  summary: "print the GraphQL SDL (--write to schema/schema.graphql, --check that it is current)",
  async run(args) {
    const { printSchemaSdl } = await import("../api/schema.ts");
    const sdl = printSchemaSdl();
    if (args.includes("--write")) {
      await writeFile(SCHEMA_FILE, sdl);
      console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
      return 0;
    }
    if (args.includes("--check")) {
      const committed = await readFile(SCHEMA_FILE, "utf8").catch(() => "");
      if (committed === sdl) {
        console.log("schema/schema.graphql is current.");
        return 0;
      }
      console.error("schema/schema.graphql is stale: run `npm run schema` and commit the result.");
      return 1;
    }
    process.stdout.write(sdl);
    return 0;
  },
};
