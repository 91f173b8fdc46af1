import { model } from "@medusajs/framework/utils"

// modlink's bench note: five per product through the 1:N link.
const Note = model.define("note", {
  id: model.id({ prefix: "note" }).primaryKey(),
  body: model.text(),
})

export default Note
