// `actorgraph extract FILE|-`: reads one article, prints the extraction JSON.
// All I/O lives here; src/extract stays pure.
import { readFile } from "node:fs/promises";
import type { Command } from "../cli.ts";
import { InvalidInputError } from "../errors.ts";
import { extract } from "../extract/index.ts";

/** Larger inputs are not news articles; refusing them keeps a run bounded in time and memory. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

const HELP = `Usage: actorgraph extract FILE|-

Prints the entities, relations and events of one news article as JSON.
FILE is Markdown with front matter (title, published, url) or plain text; "-" reads stdin.
The published date anchors relative dates ("Monday", "yesterday").`;

export const extractCommand: Command = {
  summary: "Extract actors, relations and events from an article (JSON on stdout)",
  async run(args) {
    const file = args.find((a) => !a.startsWith("--") || a === "-");
    if (args.includes("--help") || args.includes("-h") || !file) {
      console.log(HELP);
      return file ? 0 : 2;
    }
    const text = decodeArticle(file === "-" ? await readStdin() : await readArticle(file), file);
    const result = extract(text);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  },
};

async function readArticle(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new InvalidInputError(`No such file: ${file}. Give the path of an article, or - for stdin.`);
    if (code === "EISDIR") throw new InvalidInputError(`${file} is a folder. Give the path of one article file.`);
    throw new InvalidInputError(`Could not read ${file} (${code ?? "error"}).`, { cause: error });
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw tooLarge("stdin", size);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string, size: number): InvalidInputError {
  return new InvalidInputError(
    `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; the extractor reads articles up to ${MAX_INPUT_BYTES / 1024 / 1024} MB. Split the text into articles first.`,
  );
}

/** Refuses what is not text: too large, binary, or not UTF-8. An empty file gives an empty extraction. */
export function decodeArticle(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(name, bytes.length);
  if (bytes.includes(0))
    throw new InvalidInputError(`${name} looks binary (it contains NUL bytes). Give a UTF-8 text or Markdown file.`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InvalidInputError(
      `${name} is not valid UTF-8. Convert it first, e.g. iconv -f latin1 -t utf-8 ${name}.`,
      { cause: error },
    );
  }
}
