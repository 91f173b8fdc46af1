import { model } from "modlink"
import { Comment } from "./comment.ts"

export const Post = model.define("post", {
  id: model.id({ prefix: "post" }).primaryKey(),
  title: model.text().searchable(),
  body: model.text(),
  status: model.enum(["draft", "published"]).default("draft"),
  views: model.number().default(0),
  comments: model.hasMany(() => Comment, { mappedBy: "post" }),
})
