import { model } from "modlink"

export const Post = model.define("post", {
  id: model.id({ prefix: "post" }).primaryKey(),
  title: model.text(),
  body: model.text().nullable(),
  published: model.boolean().default(false),
})
