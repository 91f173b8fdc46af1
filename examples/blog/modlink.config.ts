import { defineConfig } from "modlink"

// No databaseUrl: the app uses DATABASE_URL when set, else an embedded PostgreSQL under .modlink/.
export default defineConfig({
  modules: ["modlink/product", "./src/modules/blog"],
})
