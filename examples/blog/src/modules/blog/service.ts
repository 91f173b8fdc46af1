import { ModuleService } from "modlink"
import { Comment } from "./models/comment.ts"
import { Post } from "./models/post.ts"

/** createPosts, listPosts, softDeleteComments, … generated for both models. */
export class BlogModuleService extends ModuleService({ Post, Comment }) {}
