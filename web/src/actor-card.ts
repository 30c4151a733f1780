// The picked actor's card: type, aliases, counts, and its relations and
// events as buttons, which are also the keyboard way into the graph.
import type { ActorCard } from "./api.ts";
import { fill, h } from "./dom.ts";
import { typeBadge } from "./evidence-panel.ts";
import type { ActorNode } from "./view-model.ts";

export type ActorCardHandlers = {
  onActor: (actor: ActorNode) => void;
  onRelation: (relation: ActorCard["relations"]["edges"][number]) => void;
  onEvent: (id: string) => void;
};

export function showActorCard(panel: HTMLElement, card: ActorCard, handlers: ActorCardHandlers): void {
  const relations = card.relations.edges;
  fill(
    panel,
    h("h2", {}, card.name, " ", typeBadge(card.type)),
    h(
      "dl",
      {},
      h("dt", {}, "aliases"),
      h("dd", {}, card.aliases.join(", ") || "—"),
      card.country ? [h("dt", {}, "country"), h("dd", {}, card.country)] : null,
      h("dt", {}, "relations"),
      h("dd", { "data-count": "relations" }, String(card.relations.totalCount)),
      h("dt", {}, "claims"),
      h("dd", { "data-count": "claims" }, String(relations.reduce((sum, r) => sum + r.claimCount, 0))),
      h("dt", {}, "events"),
      h("dd", { "data-count": "events" }, String(card.events.length)),
      h("dt", {}, "documents"),
      h("dd", { "data-count": "documents" }, String(card.documents.length)),
    ),
    relations.length > 0
      ? h(
          "details",
          {},
          h("summary", {}, `Relations (${relations.length})`),
          h(
            "ul",
            { class: "event-list" },
            relations.map((relation) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { type: "button", class: "linklike", onclick: () => handlers.onRelation(relation) },
                  relation.direction === "INCOMING"
                    ? `${relation.actor.name} ${relation.predicate} ${card.name}`
                    : `${card.name} ${relation.predicate} ${relation.actor.name}`,
                ),
                relation.contested ? h("span", { class: "negative" }, " contested") : null,
              ),
            ),
          ),
        )
      : null,
    card.events.length > 0
      ? h(
          "details",
          { open: true },
          h("summary", {}, `Events (${card.events.length})`),
          h(
            "ul",
            { class: "event-list" },
            card.events.map((event) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { type: "button", class: "linklike", onclick: () => handlers.onEvent(event.id) },
                  `${event.type} ${event.date ?? "undated"}`,
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
