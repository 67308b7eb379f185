#!/usr/bin/env node
// Generates the GUI's API types from the server's own OpenAPI schema, and
// checks that the committed copy is not stale.
//
//   node scripts/api-types.mjs generate [--input FILE]
//   node scripts/api-types.mjs check    [--input FILE]
//
// Without --input the schema comes from `uv run stoat-ferret openapi`, run in
// the repository root: it prints the schema of `create_app()` without
// starting a server, so this works offline and in CI.
//
// `generate` writes gui/openapi.json and gui/src/api/schema.gen.ts.
// `check` regenerates both in memory and exits 1 when either committed file
// differs, so CI fails on a client that no longer matches the server.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const guiDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(guiDir, "..");
const specPath = resolve(guiDir, "openapi.json");
const typesPath = resolve(guiDir, "src/api/schema.gen.ts");

const HEADER = `/**
 * GENERATED FILE: do not edit by hand.
 *
 * Made by \`npm run gen:api\` (gui/scripts/api-types.mjs) with openapi-typescript
 * from the server's OpenAPI schema (\`uv run stoat-ferret openapi\`).
 * \`npm run check:api\` fails when this file no longer matches the server.
 */

`;

/**
 * @param {string[]} argv
 * @returns {{ mode: string, input: string | undefined }}
 */
function parseArgs(argv) {
  const [mode, ...rest] = argv;
  if (mode !== "generate" && mode !== "check") {
    throw new Error("usage: api-types.mjs generate|check [--input FILE]");
  }
  let input;
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === "--input" && rest[i + 1] !== undefined) {
      input = resolve(process.cwd(), rest[i + 1] ?? "");
      i += 1;
    } else {
      throw new Error(`unknown argument: ${rest[i] ?? ""}`);
    }
  }
  return { mode, input };
}

/**
 * Reads the schema from a file or from the server's CLI.
 *
 * @param {string | undefined} input
 * @returns {unknown}
 */
function loadSchema(input) {
  if (input !== undefined) {
    return JSON.parse(readFileSync(input, "utf8"));
  }
  const run = spawnSync("uv", ["run", "stoat-ferret", "openapi"], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    throw new Error(`could not run uv: ${run.error.message}`);
  }
  if (run.status !== 0) {
    throw new Error(`\`uv run stoat-ferret openapi\` exited ${String(run.status)}:\n${run.stderr}`);
  }
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`\`uv run stoat-ferret openapi\` did not print JSON:\n${run.stdout.slice(0, 500)}`);
  }
}

/**
 * @param {unknown} schema
 * @returns {Promise<{ specText: string, typesText: string }>}
 */
async function render(schema) {
  // Stable text: the same schema always gives the same bytes, so `check` can
  // compare files literally.
  const specText = `${JSON.stringify(schema, null, 2)}\n`;
  const ast = await openapiTS(/** @type {import("openapi-typescript").OpenAPI3} */ (schema), {
    // Fields with a server-side default are always present in responses.
    defaultNonNullable: true,
  });
  const typesText = HEADER + astToString(ast);
  return { specText, typesText };
}

/**
 * @param {string} path
 * @returns {string | undefined}
 */
function readIfExists(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

async function main() {
  const { mode, input } = parseArgs(process.argv.slice(2));
  const { specText, typesText } = await render(loadSchema(input));

  if (mode === "generate") {
    writeFileSync(specPath, specText);
    writeFileSync(typesPath, typesText);
    console.log(`wrote ${relative(process.cwd(), specPath)} and ${relative(process.cwd(), typesPath)}`);
    return;
  }

  const stale = [];
  if (readIfExists(typesPath) !== typesText) stale.push(relative(guiDir, typesPath));
  if (readIfExists(specPath) !== specText) stale.push(relative(guiDir, specPath));
  if (stale.length > 0) {
    console.error(
      `API client is stale: ${stale.join(", ")} differ from the server's OpenAPI schema.\n` +
        "Run `npm --prefix gui run gen:api` and commit the result.",
    );
    process.exit(1);
  }
  console.log("API client is up to date with the server's OpenAPI schema.");
}

main().catch((/** @type {unknown} */ err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
