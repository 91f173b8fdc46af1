import { defineConfig } from "@medusajs/framework/utils"

// The project the side-by-side bench runs on Medusa: the default commerce modules (Medusa loads
// them whatever the config says), the blog module, no admin build, no Redis (in-memory event bus,
// cache and workflow engine, as a fresh `create-medusa-app` project has).
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "bench",
      cookieSecret: "bench",
    },
  },
  admin: { disable: true },
  modules: [{ resolve: "./src/modules/blog" }],
})
