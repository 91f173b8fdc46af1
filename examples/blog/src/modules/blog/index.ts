import { Module } from "modlink"
import { BlogModuleService } from "./service.ts"

/** The blog module knows nothing about products: links relate them (see src/links/). */
export default Module("blog", { service: BlogModuleService })
