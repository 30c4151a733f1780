#!/usr/bin/env node
import { spawnSync } from "node:child_process";
// `npm start` runs this first: a fresh clone has no web/dist, so build the
// explorer once; later starts skip it (run `npm run web:build` after changing web/).
import { existsSync } from "node:fs";

const index = new URL("../web/dist/index.html", import.meta.url);
if (!existsSync(index)) {
  console.log("web/dist is missing: building the graph explorer (npm run web:build)…");
  const result = spawnSync("npm", ["run", "--silent", "web:build"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("Could not build the explorer; the API still starts, /explorer will say how to build it.");
  }
}
