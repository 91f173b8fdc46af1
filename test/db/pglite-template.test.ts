import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { afterAll, describe, expect, it } from "vitest"
import { packFolder, unpackFolder } from "../../src/db/folder-archive.ts"
import { openPglite } from "../../src/db/index.ts"
import { shippedTemplate } from "../../src/db/pglite-template.ts"

const scratch = mkdtempSync(join(tmpdir(), "modlink-template-test-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe("a packed folder", () => {
  it("unpacks to the same files, empty folders included", () => {
    const source = join(scratch, "source")
    mkdirSync(join(source, "base/1"), { recursive: true })
    mkdirSync(join(source, "pg_notify"))
    writeFileSync(join(source, "PG_VERSION"), "17\n")
    const binary = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256))
    writeFileSync(join(source, "base/1/1259"), binary)
    writeFileSync(join(source, "base/1/empty"), "")
    const target = join(scratch, "target")
    unpackFolder(packFolder(source), target)
    expect(readFileSync(join(target, "PG_VERSION"), "utf8")).toBe("17\n")
    expect(readFileSync(join(target, "base/1/1259")).equals(binary)).toBe(true)
    expect(readFileSync(join(target, "base/1/empty")).length).toBe(0)
    expect(existsSync(join(target, "pg_notify"))).toBe(true)
  })

  it("refuses a path that leaves the folder, and what is not a packed folder", () => {
    const name = Buffer.from("../escaped", "utf8")
    const head = Buffer.alloc(5)
    head.writeUInt8(0x66, 0)
    head.writeUInt32LE(name.length, 1)
    const size = Buffer.alloc(4)
    size.writeUInt32LE(1, 0)
    const hostile = gzipSync(Buffer.concat([head, name, size, Buffer.from("x")]))
    expect(() => unpackFolder(hostile, join(scratch, "hostile"))).toThrow(/outside itself: \.\.\/escaped/)
    expect(existsSync(join(scratch, "escaped"))).toBe(false)
    expect(() => unpackFolder(gzipSync(Buffer.from("zzzzzzzz")), join(scratch, "junk"))).toThrow(
      /Not a packed folder/,
    )
  })
})

describe("the embedded database's shipped initial folder", () => {
  it("is built with the package, and a machine without a template unpacks it instead of running initdb", async () => {
    expect(existsSync(shippedTemplate()), `${shippedTemplate()} (made by npm run build)`).toBe(true)
    const said: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((line: string) => said.push(String(line)) > 0) as typeof process.stderr.write
    process.env.MODLINK_CACHE_DIR = join(scratch, "cache")
    try {
      const db = await openPglite(join(scratch, "data"))
      await db.exec("create table t (n int); insert into t values (1), (2)")
      const { rows } = await db.query<{ total: number }>("select sum(n)::int as total from t")
      expect(rows[0].total).toBe(3)
      await db.close()
    } finally {
      process.stderr.write = write
      delete process.env.MODLINK_CACHE_DIR
    }
    expect(said.join("")).toMatch(/Unpacking the embedded PostgreSQL once for this machine/)
    expect(said.join("")).not.toMatch(/Initialising/)
    expect(readdirSync(join(scratch, "cache"))).toEqual([expect.stringMatching(/^pglite-\d+\.\d+\.\d+$/)])
  })
})
