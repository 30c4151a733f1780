// Registers the subcommands that other issues add (extract, ingest, …).
// Each line: registerCommand(name, () => import(...)).
export {};
