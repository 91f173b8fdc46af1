import { MedusaService } from "@medusajs/framework/utils"
import Note from "./models/note"
import Post from "./models/post"

class BlogModuleService extends MedusaService({ Post, Note }) {}

export default BlogModuleService
