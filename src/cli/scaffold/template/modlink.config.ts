import { defineConfig } from "modlink"

// Without databaseUrl the app uses DATABASE_URL, else an embedded PostgreSQL stored in .modlink/.
export default defineConfig({
  modules: ["modlink/product", "./src/modules/blog"],
})
