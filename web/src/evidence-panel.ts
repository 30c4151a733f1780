// The details column: an edge's claims (quote with the phrase marked,
// polarity, modality, attribution, confidence, document), an event's facts,
// and the hop-by-hop list of paths.

import type { Claim, DocumentRef, EventDetails, PathResult, RelationEvidence } from "./api.ts";
import { fill, h } from "./dom.ts";
import { appendSegments, toQuoteSegments } from "./quote-highlight.ts";
import { FAMILY_COLOURS, toPredicateFamily, toTypeStyle } from "./styling.ts";
import type { ActorNode } from "./view-model.ts";

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function predicateBadge(predicate: string) {
  return h("span", { class: "badge", style: `background:${FAMILY_COLOURS[toPredicateFamily(predicate)]}` }, predicate);
}

export function typeBadge(type: string) {
  return h("span", { class: "badge", style: `background:${toTypeStyle(type).colour}` }, type);
}

function documentLink(document: DocumentRef | null) {
  if (!document) return null;
  const label = `${document.title ?? document.id}${document.source ? ` (${document.source})` : ""}${
    document.publishedAt ? `, ${document.publishedAt.slice(0, 10)}` : ""
  }`;
  return document.url
    ? h("a", { href: document.url, target: "_blank", rel: "noopener noreferrer", class: "document-link" }, label)
    : h("span", { class: "document-link" }, label);
}

function quoteBlock(quote: string, phrases: string[]) {
  const block = h("blockquote", { class: "quote" });
  appendSegments(block, toQuoteSegments(quote, phrases));
  return block;
}

export function claimItem(claim: Claim, phrases: string[]) {
  return h(
    "li",
    { class: "claim" },
    quoteBlock(claim.quote, phrases),
    h(
      "div",
      { class: "muted" },
      claim.polarity.toUpperCase() === "NEGATIVE" ? h("span", { class: "negative" }, "denied") : "stated",
      ` · ${claim.modality.toLowerCase()} · confidence ${percent(claim.confidence)}`,
      claim.attribution ? ` · according to ${claim.attribution}` : " · unattributed",
    ),
    h("div", {}, documentLink(claim.document)),
  );
}

export function showRelationEvidence(panel: HTMLElement, { subject, object, relation }: RelationEvidence): void {
  const phrases = [subject.name, ...subject.aliases, object.name, ...object.aliases];
  fill(
    panel,
    h("h2", {}, subject.name, " ", predicateBadge(relation.predicate), " ", object.name),
    h(
      "dl",
      {},
      h("dt", {}, "confidence"),
      h("dd", {}, percent(relation.confidence)),
      h("dt", {}, "claims"),
      h(
        "dd",
        {},
        String(relation.claimCount),
        relation.contested ? h("strong", { class: "negative" }, " contested") : null,
      ),
      h("dt", {}, "reported"),
      h("dd", {}, [relation.firstReported, relation.lastReported].filter(Boolean).join(" → ") || "undated"),
    ),
    h("h3", {}, "Evidence"),
    h(
      "ul",
      { class: "claims" },
      relation.claims.map((claim) => claimItem(claim, phrases)),
    ),
  );
}

function range({ low, best, high }: { low: number | null; best: number | null; high: number | null }): string {
  if (best === null && low === null && high === null) return "not reported";
  const spread = low !== null && high !== null && low !== high ? ` (${low}–${high})` : "";
  return `${best ?? low ?? high}${spread}`;
}

function actorButtons(actors: ActorNode[], onActor: (actor: ActorNode) => void) {
  if (actors.length === 0) return "—";
  return actors.flatMap((actor, i) => [
    i > 0 ? ", " : null,
    h("button", { type: "button", class: "linklike", onclick: () => onActor(actor) }, actor.name),
  ]);
}

export function showEvent(panel: HTMLElement, event: EventDetails, onActor: (actor: ActorNode) => void): void {
  fill(
    panel,
    h("h2", {}, `${event.type} `, h("span", { class: "muted" }, event.date ?? "undated")),
    h(
      "dl",
      {},
      h("dt", {}, "date"),
      h("dd", {}, event.date ?? "unknown", event.datePrecision ? ` (${event.datePrecision})` : ""),
      h("dt", {}, "place"),
      h("dd", {}, actorButtons(event.locations, onActor)),
      h("dt", {}, "perpetrators"),
      h("dd", {}, actorButtons(event.perpetrators, onActor)),
      h("dt", {}, "targets"),
      h("dd", {}, actorButtons(event.targets, onActor)),
      h("dt", {}, "killed"),
      h("dd", {}, range(event.killed)),
      h("dt", {}, "injured"),
      h("dd", {}, range(event.injured)),
      h("dt", {}, "weapons"),
      h("dd", {}, event.weapons.join(", ") || "—"),
    ),
    event.quote
      ? quoteBlock(
          event.quote,
          [...event.perpetrators, ...event.targets].map((a) => a.name),
        )
      : null,
    h("h3", {}, "Reported in"),
    h(
      "ul",
      { class: "event-list" },
      event.documents.map((document) => h("li", {}, documentLink(document))),
    ),
  );
}

export function showPaths(
  panel: HTMLElement,
  paths: PathResult[],
  from: ActorNode,
  to: ActorNode,
  onHighlight: (index: number | null) => void,
): void {
  if (paths.length === 0) {
    fill(panel, h("h2", {}, "Paths"), h("p", {}, `No path from ${from.name} to ${to.name} within the hop limit.`));
    return;
  }
  fill(
    panel,
    h("h2", {}, `Paths from ${from.name} to ${to.name}`),
    h("button", { type: "button", onclick: () => onHighlight(null) }, "Highlight all"),
    paths.map((path, index) => {
      const names = new Map(path.actors.map((actor) => [actor.id, actor]));
      return h(
        "div",
        { class: "path-item" },
        h(
          "button",
          { type: "button", onclick: () => onHighlight(index) },
          `Path ${index + 1}: ${path.hops.length} hop${path.hops.length === 1 ? "" : "s"}`,
        ),
        h(
          "ol",
          { class: "hops" },
          path.hops.map((relation) => {
            const subject = names.get(relation.from.id);
            const object = names.get(relation.to.id);
            const phrases = [subject?.name, object?.name].filter((n): n is string => !!n);
            return h(
              "li",
              { class: "hop" },
              h(
                "div",
                {},
                subject?.name ?? relation.from.id,
                " ",
                predicateBadge(relation.predicate),
                " ",
                object?.name ?? relation.to.id,
                h("span", { class: "muted" }, ` · ${percent(relation.confidence)}, ${relation.claimCount} claim(s)`),
              ),
              relation.evidence ? h("ul", { class: "claims" }, claimItem(relation.evidence, phrases)) : null,
            );
          }),
        ),
      );
    }),
  );
}
