import { Module } from "modlink"
import { BlogModuleService } from "./service.ts"

/** A module owns its models and tables; other modules reach it only through links. */
export default Module("blog", { service: BlogModuleService })
