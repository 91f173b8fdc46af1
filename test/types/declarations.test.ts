/**
 * Zero `any` in what `modlink` and `modlink/product` export (issue 12): tsc emits their
 * declarations, and every declaration their exports reach is searched (`exported-any.ts`). The
 * second block proves the search finds what it must (an inferred `any`, one behind a type that is
 * not exported, a recursive type cut short, an untyped parameter) and nothing it must not. The
 * compiler runs in a child process (`inChild`).
 */
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { REPO } from "../cli/run-cli.ts"
import { inChild } from "../support/compiler.ts"
import type { ExportedAny } from "./exported-any.ts"

const SEARCH = join(REPO, "test", "types", "exported-any.ts")
const SRC = join(REPO, "src")

describe("the emitted declarations of the public entry points", () => {
  it("have no any", { timeout: 600_000 }, async () => {
    const entries = [join(SRC, "index.ts"), join(SRC, "modules", "product", "index.ts")]
    // Inside the repository, so the emitted files' imports of `pg` and `@types/node` resolve; never written.
    const found = await inChild<ExportedAny[]>(SEARCH, "exportedAnyOf", [
      entries,
      SRC,
      join(REPO, ".declarations"),
    ])
    expect(found.map((f) => `${f.file}:${f.line} ${f.declaration} (from ${f.via}): ${f.text}`)).toEqual([])
  })
})

describe("the search for any", { timeout: 300_000 }, () => {
  const dir = join(REPO, ".declarations-fixture")
  const sources: [string, string][] = [
    [
      join(dir, "index.ts"),
      [
        'import type { Hidden } from "./hidden.ts"',
        'export { parse } from "./parse.ts"',
        "export interface Shown { hidden: Hidden; fine: unknown }",
        'import { model } from "../src/dml/index.ts"',
        'export const A = model.define("a", { id: model.id().primaryKey(), b: model.hasMany(() => B) })',
        'const B = model.define("b", { id: model.id().primaryKey(), a: model.belongsTo(() => A) })',
        "export declare function loose(value: string): Promise<Record<string, any>>",
        "",
      ].join("\n"),
    ],
    [
      join(dir, "hidden.ts"),
      "export interface Hidden { deep: Deeper }\ninterface Deeper { value: any }\nexport const unused: any = 1\n",
    ],
    [
      join(dir, "parse.ts"),
      "export const parse = (text: string) => JSON.parse(text)\nexport const other: any = 2\n",
    ],
  ]

  it("reports each any the exports reach, and only those", async () => {
    const found = await inChild<ExportedAny[]>(SEARCH, "exportedAnyOf", [
      [join(dir, "index.ts")],
      REPO,
      join(dir, "out"),
      sources,
    ])
    expect(found.map((f) => `${f.file} ${f.declaration}`).sort()).toEqual([
      ".declarations-fixture/hidden.d.ts Deeper.value",
      ".declarations-fixture/index.d.ts b.a",
      ".declarations-fixture/index.d.ts loose",
      ".declarations-fixture/parse.d.ts parse",
    ])
  })

  it("reports a parameter or property a declaration file leaves untyped", async () => {
    const out = join(dir, "out")
    const found = await inChild<ExportedAny[]>(SEARCH, "exportedAnyOfDeclarations", [
      [
        [
          join(out, "index.d.ts"),
          "export declare function f(x): void\nexport declare class C { p; private q; }\n",
        ],
      ],
      [join(out, "index.d.ts")],
      out,
    ])
    expect(found.map((f) => f.declaration).sort()).toEqual(["C.p", "f.x"])
  })
})
