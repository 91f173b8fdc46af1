import { model } from "@medusajs/framework/utils"

// modlink's bench post: an id with the "post" prefix, a title, a nullable body.
const Post = model.define("post", {
  id: model.id({ prefix: "post" }).primaryKey(),
  title: model.text(),
  body: model.text().nullable(),
})

export default Post
