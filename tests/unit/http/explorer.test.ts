import { describe, expect, it } from "vitest";
import { toContentType, toExplorerFile } from "../../../src/http/explorer.ts";

describe("toExplorerFile", () => {
  it.each([
    ["/explorer", "index.html"],
    ["/explorer/", "index.html"],
    ["/explorer/assets/index-abc.js", "assets/index-abc.js"],
    ["/explorer/a%20b.css", "a b.css"],
  ])("maps %s to the bundle file %s", (path, file) => {
    expect(toExplorerFile(path)).toBe(file);
  });

  it.each([
    "/graphql",
    "/explorerx",
    "/explorer/../package.json",
    "/explorer/%2e%2e/package.json",
    "/explorer/assets/..%2f..%2fpackage.json",
    "/explorer/a%5c..%5cb",
    "/explorer/%00",
    "/explorer/%E0%A4%A",
    "/explorer//etc/passwd",
  ])("refuses %s", (path) => {
    expect(toExplorerFile(path)).toBeNull();
  });
});

describe("toContentType", () => {
  it.each([
    ["index.html", "text/html; charset=utf-8"],
    ["assets/index.js", "text/javascript; charset=utf-8"],
    ["assets/index.css", "text/css; charset=utf-8"],
    ["logo.svg", "image/svg+xml"],
    ["shot.PNG", "image/png"],
    ["blob.bin", "application/octet-stream"],
  ])("gives %s the type %s", (file, type) => {
    expect(toContentType(file)).toBe(type);
  });
});
