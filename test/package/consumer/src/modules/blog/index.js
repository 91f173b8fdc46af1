import { Module, ModuleService, model } from "modlink"

const Post = model.define("post", { id: model.id({ prefix: "post" }).primaryKey(), title: model.text() })

class BlogService extends ModuleService({ Post }) {}

export default Module("blog", { service: BlogService })
