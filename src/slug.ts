// Stable ids from names: "Kata'ib Hezbollah" -> "kataib-hezbollah". One rule
// for the extractor, the importers, curation and document ids, so the same
// name always gets the same id.
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
