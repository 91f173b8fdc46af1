import { defineConfig } from "modlink"

export default defineConfig({ modules: ["modlink/product", "./src/modules/blog"] })
