import { spawn } from "node:child_process"
import type { Command } from "commander"
import { hostWarning } from "../../studio/server/bind-host.ts"
import { globalOptions, openApp } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { runCommand, UsageError } from "../run-command.ts"

interface Flags {
  port: string
  host: string
  write?: boolean
  open: boolean
}

/** Opens the URL in the user's browser; a machine without one just keeps the printed URL. */
function openBrowser(url: string): void {
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open"
  const child = spawn(command, [url], { detached: true, stdio: "ignore" })
  child.on("error", () => {})
  child.unref()
}

/** Resolves when the user stops the studio (Ctrl-C) or the process is asked to end. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve)
    process.once("SIGTERM", resolve)
  })
}

export function registerStudio(program: Command): void {
  program
    .command("studio")
    .description("browse the modules, links and linked records in a local web app")
    .option("--port <port>", "port to listen on (0: any free port)", "4983")
    .option(
      "--host <host>",
      "address to listen on; anything but loopback is reachable by others",
      "127.0.0.1",
    )
    .option("--write", "allow creating and dismissing links, soft-deleting and restoring records")
    .option("--no-open", "do not open a browser")
    .addHelpText(
      "after",
      examples(
        ["modlink studio", "read-only studio at http://127.0.0.1:4983 (the URL carries a token)"],
        ["modlink studio --write", "also create/dismiss links, soft-delete and restore records"],
        ["modlink studio --port 0 --no-open", "any free port, print the URL only"],
      ),
    )
    .action((flags: Flags, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        const port = Number(flags.port)
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new UsageError(
            `--port ${flags.port} is not a port number`,
            "give 0–65535, or 0 for any free port",
          )
        }
        const warning = hostWarning(flags.host)
        if (warning) console.error(`${colors.yellow("warning")} ${warning}`)
        const app = await openApp(options)
        const { startStudio } = await import("../../studio/server/start-studio.ts")
        try {
          const studio = await startStudio({ app, host: flags.host, port, write: flags.write }).catch(
            (error) => {
              if (error?.code === "EADDRINUSE") {
                throw new UsageError(
                  `Port ${port} on ${flags.host} is in use`,
                  "pick another with --port, or --port 0 for any free one",
                )
              }
              throw error
            },
          )
          console.log(`modlink studio${flags.write ? colors.yellow(" (write mode)") : ""} is running at`)
          console.log(`  ${studio.url}`)
          console.log(
            colors.dim("The token in the URL is required by every API call. Ctrl-C stops the studio."),
          )
          if (flags.open) openBrowser(studio.url)
          await untilStopped()
          await studio.close()
          return 0
        } finally {
          await app.close()
        }
      }).then((code) => {
        process.exitCode = code
      })
    })
}
