import { model } from "modlink"
import { Post } from "./post.ts"

export const Comment = model.define("comment", {
  id: model.id({ prefix: "com" }).primaryKey(),
  author: model.text(),
  body: model.text(),
  post: model.belongsTo(() => Post, { mappedBy: "comments" }),
})
