import { Module } from "@medusajs/framework/utils"
import BlogModuleService from "./service"

export default Module("blog", { service: BlogModuleService })
