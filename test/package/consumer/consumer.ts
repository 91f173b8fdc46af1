// A TypeScript consumer of the installed package: compiled with tsc against its declarations.
import { createApp, type InferTypeOf, Modules, model } from "modlink"
import ProductModule from "modlink/product"

const Note = model.define("note", { id: model.id().primaryKey(), body: model.text(), stars: model.number() })
type NoteRecord = InferTypeOf<typeof Note>

export const describeNote = (note: NoteRecord): string => `${note.body.trim()}: ${note.stars.toFixed(0)}`
// If the declarations were lost (everything \`any\`), this line would compile and tsc would fail here.
// @ts-expect-error a note's stars are a number
export const wrongType = (note: NoteRecord): string => note.stars.toUpperCase()

export const product: "product" = Modules.PRODUCT
export const linkable: string = ProductModule.linkable.product.serviceName

export async function titles(cwd: string): Promise<string[]> {
  const app = await createApp({ cwd })
  try {
    const { data } = await app.query.graph({ entity: "product", fields: ["title"] })
    return data.map((record) => String(record.title))
  } finally {
    await app.close()
  }
}
