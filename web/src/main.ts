// The explorer page: wires the search box, the graph, the filters, the
// "as of" slider, paths and the details panels. State lives here; every
// other module is either pure or draws one thing.
import "./explorer.css";
import { showActorCard } from "./actor-card.ts";
import {
  fetchActorCard,
  fetchEvent,
  fetchNeighborhood,
  fetchPaths,
  fetchRelationEvidence,
  type PathResult,
  searchActors,
  toRelationEdge,
} from "./api.ts";
import { toAsOf, toAsOfSteps } from "./as-of.ts";
import { byId, fill, h } from "./dom.ts";
import { showEvent, showPaths, showRelationEvidence } from "./evidence-panel.ts";
import { GraphView } from "./graph-view.ts";
import { toGraphiqlUrl } from "./graphiql-link.ts";
import { renderLegend } from "./legend.ts";
import {
  ACTOR_CARD_QUERY,
  EVENT_QUERY,
  NEIGHBORHOOD_QUERY,
  PATHS_QUERY,
  RELATION_CLAIMS_QUERY,
  toNeighborhoodVariables,
  toPathsVariables,
  toRelationEvidenceVariables,
} from "./queries.ts";
import { attachSearchBox } from "./search-box.ts";
import { FAMILY_COLOURS, PREDICATE_FAMILIES, PREDICATES, type PredicateFamily } from "./styling.ts";
import { type ActorNode, type Filters, type RelationEdge, toEdgeRef } from "./view-model.ts";

const status = byId<HTMLParagraphElement>("status");
const graphiqlLink = byId<HTMLAnchorElement>("graphiql-link");
const actorPanel = byId("actor-card");
const evidencePanel = byId("evidence");
const pathPanel = byId("path-list");
const asOfInput = byId<HTMLInputElement>("as-of");
const asOfOutput = byId<HTMLOutputElement>("as-of-value");
const asOfPlay = byId<HTMLButtonElement>("as-of-play");
const pathFrom = byId<HTMLSelectElement>("path-from");
const pathToInput = byId<HTMLInputElement>("path-to-input");
const pathToOptions = byId<HTMLDataListElement>("path-to-options");

const filters: Filters = { predicates: [...PREDICATES], minConfidence: 0, direction: "BOTH", depth: 1, asOf: null };
let focus: ActorNode | null = null;
/** Actors whose neighbourhoods are drawn, in the order they were expanded. */
const expanded = new Map<string, ActorNode>();
let asOfSteps: string[] = [];
let replayTimer: ReturnType<typeof setInterval> | undefined;
let pathTargets = new Map<string, ActorNode>();

function say(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function fail(error: unknown): void {
  say(`Error: ${(error as Error).message}`, true);
}

function linkGraphiql(query: string, variables: Record<string, unknown>): void {
  graphiqlLink.href = toGraphiqlUrl(query, variables);
}

const graph = new GraphView(byId("graph"), {
  onNode: (id) => void expandActor(id).catch(fail),
  onEdge: (edge) => void showEdge(edge).catch(fail),
});

async function loadCard(id: string): Promise<void> {
  const card = await fetchActorCard(id, filters.asOf);
  if (!card) return fill(actorPanel);
  showActorCard(actorPanel, card, {
    onActor: (actor) => void expandActor(actor.id, actor).catch(fail),
    onRelation: (relation) => {
      const [source, target] = relation.direction === "INCOMING" ? [relation.actor.id, id] : [id, relation.actor.id];
      void showEdge(toEdgeRef(relation.predicate, source, target)).catch(fail);
    },
    onEvent: (eventId) => void openEvent(eventId).catch(fail),
  });
}

/** Draws the neighbourhoods of every expanded actor under the current filters. */
async function redraw(): Promise<void> {
  if (expanded.size === 0) return;
  say("Loading…");
  const ids = [...expanded.keys()];
  const results = await Promise.all(
    ids.map((id) => fetchNeighborhood(toNeighborhoodVariables(id, filters, PREDICATES))),
  );
  graph.clear();
  for (const result of results) graph.merge(result);
  // Keep the expanded actors on screen even when the filters leave them no relations.
  graph.merge({ nodes: [...expanded.values()].filter((a) => !graph.hasNode(a.id)), edges: [] });
  for (const id of ids) graph.markExpanded(id);
  if (focus) graph.markFocus(focus.id);
  graph.layout();
  const first = ids[0] ?? "";
  linkGraphiql(NEIGHBORHOOD_QUERY, toNeighborhoodVariables(first, filters, PREDICATES));
  if (filters.asOf === null) updateAsOfSteps();
  const truncated = results.some((r) => r.truncated);
  say(
    `${graph.nodeCount()} actors, ${graph.relations().length} relations${filters.asOf ? ` as known on ${filters.asOf}` : ""}${
      truncated ? " (capped: raise the filters to see the rest)" : ""
    }. Click a node to expand it, an edge for its evidence.`,
  );
}

async function pickActor(actor: ActorNode): Promise<void> {
  focus = actor;
  expanded.clear();
  expanded.set(actor.id, actor);
  fill(evidencePanel);
  fill(pathPanel);
  history.replaceState(null, "", `#actor=${encodeURIComponent(actor.id)}`);
  updatePathFrom();
  await Promise.all([redraw(), loadCard(actor.id)]);
}

async function expandActor(id: string, known?: ActorNode): Promise<void> {
  const actor: ActorNode = known ?? graph.actor(id) ?? { id, name: id, type: "" };
  void loadCard(id).catch(fail);
  if (expanded.has(id)) return;
  expanded.set(id, actor);
  updatePathFrom();
  say(`Expanding ${actor.name}…`);
  const result = await fetchNeighborhood(toNeighborhoodVariables(id, { ...filters, depth: 1 }, PREDICATES));
  const added = graph.merge({ nodes: [actor, ...result.nodes], edges: result.edges });
  graph.markExpanded(id);
  if (added > 0) graph.layout(true);
  linkGraphiql(NEIGHBORHOOD_QUERY, toNeighborhoodVariables(id, { ...filters, depth: 1 }, PREDICATES));
  say(`${actor.name}: ${added} new actor${added === 1 ? "" : "s"}. ${graph.nodeCount()} in view.`);
}

async function showEdge(edge: RelationEdge): Promise<void> {
  say(`Loading the evidence for ${edge.predicate}…`);
  const evidence = await fetchRelationEvidence(edge, filters.asOf);
  linkGraphiql(RELATION_CLAIMS_QUERY, toRelationEvidenceVariables(edge, filters.asOf));
  if (!evidence) {
    fill(evidencePanel, h("p", {}, "No claims for this relation under the current date."));
    return say("No evidence found.");
  }
  showRelationEvidence(evidencePanel, evidence);
  evidencePanel.scrollIntoView({ block: "nearest" });
  say(
    `${evidence.relation.claims.length} claim(s) behind ${evidence.subject.name} ${edge.predicate} ${evidence.object.name}.`,
  );
}

async function openEvent(id: string): Promise<void> {
  const event = await fetchEvent(id);
  linkGraphiql(EVENT_QUERY, { id });
  if (!event) return fill(evidencePanel, h("p", {}, "This event is no longer in the graph."));
  showEvent(evidencePanel, event, (actor) => void expandActor(actor.id, actor).catch(fail));
}

// Filters ----------------------------------------------------------------------------------

function renderPredicateFilters(): void {
  const container = byId("predicate-filters");
  for (const [family, predicates] of Object.entries(PREDICATE_FAMILIES) as [PredicateFamily, readonly string[]][]) {
    container.append(
      h(
        "div",
        { class: "family" },
        h("span", { class: "swatch", style: `background:${FAMILY_COLOURS[family]}` }),
        ` ${family}`,
      ),
      ...predicates.map((predicate) =>
        h(
          "label",
          {},
          h("input", {
            type: "checkbox",
            value: predicate,
            checked: true,
            onchange: (event: Event) => {
              const box = event.target as HTMLInputElement;
              filters.predicates = box.checked
                ? [...filters.predicates, predicate]
                : filters.predicates.filter((p) => p !== predicate);
              void redraw().catch(fail);
            },
          }),
          predicate,
        ),
      ),
    );
  }
}

function bindFilters(): void {
  const minConfidence = byId<HTMLInputElement>("min-confidence");
  const minConfidenceOutput = byId<HTMLOutputElement>("min-confidence-value");
  minConfidence.addEventListener("input", () => {
    minConfidenceOutput.value = Number(minConfidence.value).toFixed(2);
  });
  minConfidence.addEventListener("change", () => {
    filters.minConfidence = Number(minConfidence.value);
    void redraw().catch(fail);
  });
  const direction = byId<HTMLSelectElement>("direction");
  direction.addEventListener("change", () => {
    filters.direction = direction.value as Filters["direction"];
    void redraw().catch(fail);
  });
  const depth = byId<HTMLSelectElement>("depth");
  depth.addEventListener("change", () => {
    filters.depth = Number(depth.value);
    void redraw().catch(fail);
  });
}

// As of ------------------------------------------------------------------------------------

function updateAsOfSteps(): void {
  asOfSteps = toAsOfSteps(graph.relations().flatMap((edge) => [edge.firstReported, edge.lastReported]));
  asOfInput.max = String(asOfSteps.length);
  asOfInput.value = String(asOfSteps.length);
  asOfInput.disabled = asOfSteps.length === 0;
  asOfPlay.disabled = asOfSteps.length === 0;
  asOfOutput.value = "latest";
}

function applyAsOf(position: number): Promise<void> {
  filters.asOf = toAsOf(asOfSteps, position);
  asOfInput.value = String(position);
  asOfOutput.value = filters.asOf ?? "latest";
  return Promise.all([redraw(), focus ? loadCard(focus.id) : null]).then(() => undefined);
}

function bindAsOf(): void {
  asOfInput.addEventListener("input", () => {
    asOfOutput.value = toAsOf(asOfSteps, Number(asOfInput.value)) ?? "latest";
  });
  asOfInput.addEventListener("change", () => void applyAsOf(Number(asOfInput.value)).catch(fail));
  asOfPlay.addEventListener("click", () => {
    if (replayTimer) {
      clearInterval(replayTimer);
      replayTimer = undefined;
      asOfPlay.textContent = "Replay";
      return;
    }
    let position = 0;
    asOfPlay.textContent = "Stop";
    const step = () => {
      void applyAsOf(position).catch(fail);
      if (position >= asOfSteps.length) {
        clearInterval(replayTimer);
        replayTimer = undefined;
        asOfPlay.textContent = "Replay";
      }
      position++;
    };
    step();
    replayTimer = setInterval(step, 1500);
  });
}

// Paths ------------------------------------------------------------------------------------

function updatePathFrom(): void {
  const current = pathFrom.value;
  pathFrom.replaceChildren(...[...expanded.values()].map((actor) => h("option", { value: actor.id }, actor.name)));
  if (expanded.has(current)) pathFrom.value = current;
}

async function resolvePathTarget(text: string): Promise<ActorNode | null> {
  const known = pathTargets.get(text.trim().toLowerCase());
  if (known) return known;
  const hits = await searchActors(text, 1);
  return hits[0]?.actor ?? null;
}

function highlightPaths(paths: PathResult[], only: number | null): void {
  const chosen = only === null ? paths : paths.slice(only, only + 1);
  graph.highlightPaths(
    chosen.map((path) => ({
      nodeIds: path.actors.map((actor) => actor.id),
      edgeIds: path.hops.map((relation) => toRelationEdge(relation).id),
    })),
  );
}

async function findPaths(): Promise<void> {
  const from = expanded.get(pathFrom.value);
  if (!from) return say("Pick an actor first: search for one, then choose it under Paths → From.", true);
  const to = await resolvePathTarget(pathToInput.value);
  if (!to) return say(`No actor matches "${pathToInput.value}".`, true);
  const variables = toPathsVariables(
    from.id,
    to.id,
    Number(byId<HTMLInputElement>("path-k").value),
    Number(byId<HTMLInputElement>("path-max-hops").value),
    filters,
  );
  say(`Finding paths from ${from.name} to ${to.name}…`);
  const paths = await fetchPaths(variables);
  linkGraphiql(PATHS_QUERY, variables);
  const added = graph.merge({
    nodes: paths.flatMap((path) => path.actors),
    edges: paths.flatMap((path) => path.hops.map(toRelationEdge)),
  });
  if (added > 0) graph.layout(true);
  highlightPaths(paths, null);
  showPaths(pathPanel, paths, from, to, (index) => highlightPaths(paths, index));
  pathPanel.scrollIntoView({ block: "start" });
  say(`${paths.length} path(s) from ${from.name} to ${to.name}.`);
}

function bindPaths(): void {
  const suggest = async () => {
    const text = pathToInput.value.trim();
    if (text.length < 2) return;
    const hits = await searchActors(text, 8);
    pathTargets = new Map(hits.map((hit) => [hit.actor.name.toLowerCase(), hit.actor]));
    pathToOptions.replaceChildren(...hits.map((hit) => h("option", { value: hit.actor.name })));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  pathToInput.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void suggest().catch(fail), 200);
  });
  pathToInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") void findPaths().catch(fail);
  });
  byId("find-paths").addEventListener("click", () => void findPaths().catch(fail));
}

// View -------------------------------------------------------------------------------------

function bindView(): void {
  byId("fit").addEventListener("click", () => graph.fit());
  byId("zoom-in").addEventListener("click", () => graph.zoomBy(1.25));
  byId("zoom-out").addEventListener("click", () => graph.zoomBy(0.8));
  byId("relayout").addEventListener("click", () => graph.layout());
  byId("clear").addEventListener("click", () => {
    expanded.clear();
    focus = null;
    graph.clear();
    fill(actorPanel);
    fill(evidencePanel);
    fill(pathPanel);
    updatePathFrom();
    say("Search for an actor to start.");
  });
}

function start(): void {
  renderLegend(byId("legend"));
  renderPredicateFilters();
  bindFilters();
  bindAsOf();
  bindPaths();
  bindView();
  attachSearchBox({
    input: byId<HTMLInputElement>("search-input"),
    list: byId("search-results"),
    search: (text) => searchActors(text, 10),
    onPick: (actor) => void pickActor(actor).catch(fail),
    onError: fail,
  });
  linkGraphiql(ACTOR_CARD_QUERY, { id: "iran" });
  const linked = /^#actor=(.+)$/.exec(location.hash)?.[1];
  if (linked) {
    const id = decodeURIComponent(linked);
    void fetchActorCard(id, null)
      .then((card) =>
        card ? pickActor({ id: card.id, name: card.name, type: card.type }) : say(`No actor "${id}".`, true),
      )
      .catch(fail);
  }
}

start();
// The browser tests find where a node or an edge is drawn, then click there like a user.
Object.assign(window, { explorerGraph: graph });
