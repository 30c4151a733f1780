// Entry: the `actorgraph` command. Each subcommand lives in src/commands/
// and is loaded only when called, so `actorgraph extract` never loads the
// driver or the schema.
export type Command = {
  summary: string;
  run: (args: string[]) => Promise<number | undefined>;
};

const commands: Record<string, () => Promise<Command>> = {
  db: async () => (await import("./commands/db.ts")).dbCommand,
  schema: async () => (await import("./commands/schema.ts")).schemaCommand,
};

/** Lets other modules add subcommands without this file knowing them all. */
export function registerCommand(name: string, load: () => Promise<Command>): void {
  commands[name] = load;
}

async function usage(): Promise<string> {
  const lines = ["Usage: actorgraph <command> [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  lines.push("", "Run `actorgraph <command> --help` for a command's options.");
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  await import("./commands/index.ts");
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(await usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`Unknown command "${name}".\n\n${await usage()}`);
    return 2;
  }
  return (await (await load()).run(rest)) ?? 0;
}
