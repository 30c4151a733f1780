#!/usr/bin/env node
// `npx actorgraph …`: runs the TypeScript CLI through tsx (no build step).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  console.error(error?.code && error.message ? error.message : error);
  return 1;
});
