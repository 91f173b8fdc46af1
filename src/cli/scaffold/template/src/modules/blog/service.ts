import { ModuleService } from "modlink"
import { Post } from "./models/post.ts"

/** Generates createPosts, listPosts, retrievePost, updatePosts, softDeletePosts, … */
export class BlogModuleService extends ModuleService({ Post }) {}
