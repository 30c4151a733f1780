// The search box: full-text search as you type (debounced), results in an
// ARIA listbox that arrow keys, Enter and Escape drive.
import type { SearchHit } from "./api.ts";
import { debounce } from "./debounce.ts";
import { h } from "./dom.ts";
import { appendSegments, toSnippetSegments } from "./quote-highlight.ts";
import type { ActorNode } from "./view-model.ts";

export type SearchBoxOptions = {
  input: HTMLInputElement;
  list: HTMLElement;
  search: (text: string) => Promise<SearchHit[]>;
  onPick: (actor: ActorNode) => void;
  onError: (error: Error) => void;
  waitMs?: number;
};

/** One row per actor: a quote hit and a name hit for the same actor are one choice. */
function toChoices(hits: SearchHit[]): SearchHit[] {
  const seen = new Map<string, SearchHit>();
  for (const hit of hits) if (!seen.has(hit.actor.id)) seen.set(hit.actor.id, hit);
  return [...seen.values()];
}

export function attachSearchBox({ input, list, search, onPick, onError, waitMs = 200 }: SearchBoxOptions) {
  let choices: SearchHit[] = [];
  let active = -1;
  let latest = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === index));
      if (i === index) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    });
  };

  const pick = (index: number) => {
    const hit = choices[index];
    if (!hit) return;
    input.value = hit.actor.name;
    close();
    onPick(hit.actor);
  };

  const render = () => {
    list.replaceChildren(
      ...choices.map((hit, index) => {
        const snippet = h("span", { class: "snippet" });
        if (hit.snippet && hit.field.toUpperCase() !== "NAME") appendSegments(snippet, toSnippetSegments(hit.snippet));
        return h(
          "div",
          {
            role: "option",
            id: `search-option-${index}`,
            "aria-selected": "false",
            onmousedown: (event: Event) => event.preventDefault(),
            onclick: () => pick(index),
          },
          hit.actor.name,
          " ",
          h("span", { class: "type" }, hit.actor.type),
          snippet.childNodes.length > 0 ? snippet : null,
        );
      }),
    );
    if (choices.length === 0) list.append(h("div", { class: "muted", role: "presentation" }, "No actor found"));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  };

  const run = debounce(async (text: string) => {
    const ticket = ++latest;
    try {
      const hits = await search(text);
      if (ticket !== latest) return; // a newer keystroke's answer will come
      choices = toChoices(hits);
      render();
    } catch (error) {
      onError(error as Error);
    }
  }, waitMs);

  input.addEventListener("input", () => {
    const text = input.value.trim();
    if (text.length < 2) {
      run.cancel();
      latest++;
      close();
      return;
    }
    run(text);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") highlight(Math.min(choices.length - 1, active + 1));
    else if (event.key === "ArrowUp") highlight(Math.max(0, active - 1));
    else if (event.key === "Enter") pick(active >= 0 ? active : 0);
    else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
  });
  input.addEventListener("blur", () => close());
}
