// The graph explorer in a real browser against the real server and Neo4j,
// with the fixture documents loaded through the write path: serving, search,
// expanding, evidence, "as of", paths and the GraphiQL link, with no console
// errors. Saves the screenshots docs/explorer.md and the README show.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { createLogger } from "../../src/log.ts";
import { type Service, startService } from "../../src/service.ts";
import { type Browser, CHROMIUM_PATH, hasChromium, launchBrowser } from "../helpers/browser.ts";
import { openTestDatabase, testDatabaseOptions, wipe } from "../helpers/database.ts";
import { saveFixtureDocuments } from "../helpers/fixtures.ts";

// The committed pictures change only on purpose (UPDATE_SCREENSHOTS=1); a
// normal run writes its screenshots to an ignored folder for inspection.
const SCREENSHOTS = new URL(
  process.env.UPDATE_SCREENSHOTS === "1" ? "../../docs/screenshots/" : "../screenshots/out/",
  import.meta.url,
);

if (!hasChromium()) {
  console.warn(
    `[explorer tests] SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
}

describe.skipIf(!hasChromium())("graph explorer at /explorer", () => {
  let db: Database;
  let service: Service;
  let browser: Browser;

  beforeAll(async () => {
    // Always the bundle of the code under test, never a stale web/dist.
    execFileSync("npm", ["run", "--silent", "web:build"], { stdio: "pipe" });
    db = await openTestDatabase();
    await wipe(db);
    await saveFixtureDocuments(createGraph(db));
    const { uri, user, password } = testDatabaseOptions();
    const config = loadConfig({
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      LOG_LEVEL: "silent",
      SAMPLE_DATA: "off",
    });
    service = await startService({ ...config, port: 0 }, createLogger("silent", { pretty: false }));
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await db?.close();
  });

  /** Clicks where the graph draws a node or an edge, as a user would. */
  async function clickInGraph(id: string) {
    const { page } = browser;
    await page.waitForFunction((elementId) => {
      const graph = (window as unknown as { explorerGraph: { renderedPosition(id: string): unknown } }).explorerGraph;
      return graph.renderedPosition(elementId) !== null;
    }, id);
    // Where it is drawn on the page, once that stops moving: an expansion's
    // actor card loads after the graph and can move or resize the canvas.
    const target = async () => {
      const box = await page.locator("#graph").boundingBox();
      const at = await page.evaluate(
        (elementId) =>
          (
            window as unknown as { explorerGraph: { renderedPosition(id: string): { x: number; y: number } } }
          ).explorerGraph.renderedPosition(elementId),
        id,
      );
      if (!box) throw new Error("the graph is not on the page");
      return { x: box.x + at.x, y: box.y + at.y };
    };
    let point = await target();
    for (let tries = 0; tries < 20; tries++) {
      await page.waitForTimeout(150);
      const next = await target();
      if (next.x === point.x && next.y === point.y) break;
      point = next;
    }
    await page.mouse.click(point.x, point.y);
  }

  it("serves the bundle with content types, index.html for /explorer, 404 for missing files", async () => {
    for (const path of ["/explorer", "/explorer/"]) {
      const response = await fetch(`${service.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await response.text()).toContain("actorgraph explorer");
    }
    const html = await (await fetch(`${service.url}/explorer/`)).text();
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${service.url}${script}`);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${service.url}/explorer/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${service.url}/explorer/%2e%2e%2fpackage.json`)).status).toBe(404);
  });

  it("answers how Iran is connected to the attacks on US forces, and who said so", async () => {
    const { page, problems } = browser;
    await page.goto(`${service.url}/explorer`);

    // Search as you type, then pick with the keyboard.
    await page.locator("#search-input").pressSequentially("Iran", { delay: 30 });
    await page.waitForSelector('#search-results [role="option"]');
    await page.screenshot({ path: new URL("explorer-search.png", SCREENSHOTS).pathname });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#actor-card h2:has-text('Iran')");
    expect(await page.textContent("#actor-card")).toContain("Country");

    // Expand the Quds Force by clicking its node.
    await clickInGraph("irgc-quds-force");
    await page.waitForSelector("#actor-card h2:has-text('IRGC-Quds Force')");
    await page.waitForFunction(() =>
      (window as unknown as { explorerGraph: { hasNode(id: string): boolean } }).explorerGraph.hasNode("irgc"),
    );

    // The edge to the militias, and the quote behind it.
    await clickInGraph("SUPPORTS|irgc-quds-force|iran-backed-militias");
    const quote = page.locator("#evidence blockquote").first();
    await quote.waitFor();
    expect(await quote.textContent()).toContain("the Quds Force provides the militias with support and guidance");
    expect(await page.locator("#evidence blockquote mark").allTextContents()).toEqual(
      expect.arrayContaining(["Quds Force", "militias"]),
    );
    expect(await page.textContent("#evidence")).toContain("according to a senior defense official");
    expect(await page.getAttribute("#evidence a", "href")).toBe(
      "https://example.org/2023/10/24/iran-backed-militias-ramp-up-attacks",
    );
    await page.screenshot({ path: new URL("explorer-evidence.png", SCREENSHOTS).pathname });

    // Paths from Iran to US forces, highlighted and listed hop by hop.
    await page.selectOption("#path-from", "iran");
    await page.fill("#path-to-input", "U.S. forces");
    await page.click("#find-paths");
    await page.waitForSelector("#path-list .hop");
    const paths = await page.textContent("#path-list");
    expect(paths).toContain("Paths from Iran to U.S. forces");
    expect(paths).toMatch(/Iran-backed militias\s*ATTACKS\s*U\.S\. forces/);
    const highlighted = await page.evaluate(
      () =>
        (window as unknown as { explorerGraph: { cy: { $(s: string): { length: number } } } }).explorerGraph.cy.$(
          "edge.on-path",
        ).length,
    );
    expect(highlighted).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: new URL("explorer-paths.png", SCREENSHOTS).pathname });

    // The GraphiQL link carries the paths query of this view.
    const link = new URL((await page.getAttribute("#graphiql-link", "href")) ?? "", service.url);
    expect(link.pathname).toBe("/graphql");
    expect(link.searchParams.get("query")).toContain("paths(");
    expect(JSON.parse(link.searchParams.get("variables") ?? "{}")).toMatchObject({ from: "iran", to: "us-forces" });

    expect(problems).toEqual([]);
  });

  it("replays what was known at an earlier date with the as-of slider", async () => {
    const { page, problems } = browser;
    await page.goto(`${service.url}/explorer/#actor=iran`);
    await page.waitForSelector("#actor-card h2:has-text('Iran')");
    const hasHezbollah = () =>
      page.evaluate(() =>
        (window as unknown as { explorerGraph: { hasNode(id: string): boolean } }).explorerGraph.hasNode("hezbollah"),
      );
    await page.waitForFunction(() => document.querySelector("#as-of")?.getAttribute("max") !== "0");
    expect(await hasHezbollah()).toBe(true);
    // The first stop is the first report (2023-10-24); Hezbollah only appears on 2024-01-29.
    await page.locator("#as-of").fill("0");
    await page.waitForFunction(() => document.querySelector("#as-of-value")?.textContent === "2023-10-24");
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.includes("as known on 2023-10-24"),
    );
    expect(await hasHezbollah()).toBe(false);
    expect(problems).toEqual([]);
  });
});
