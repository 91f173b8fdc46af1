import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll } from "vitest"
import { childEnv, runCli, show } from "./run-cli.ts"

export const TMUX = "/usr/bin/tmux"
export const hasTmux = existsSync(TMUX)

/** A command running on a real pseudo-terminal: read its screen, type into it, await its exit. */
export interface TerminalSession {
  screen(): string
  /** Keys as tmux `send-keys` names them: `"y"`, `"Enter"`. */
  send(...keys: string[]): void
  /** Polls the screen until `check` holds; fails with the screen (and exit code) if the command ends first. */
  waitFor(check: (screen: string) => boolean, what: string): Promise<string>
  /** The command's exit code, once it has ended. */
  exitCode(): Promise<number>
}

export interface Terminal {
  /** Starts `program args` in `cwd` with `childEnv(env)`: the same environment as `runProcess`. */
  start(
    name: string,
    program: string,
    args: string[],
    options: { cwd: string; env?: Record<string, string | undefined> },
  ): TerminalSession
  close(): void
}

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`
const pause = () => new Promise((r) => setTimeout(r, 100))

/**
 * A private tmux server (its own socket, no user config). `remain-on-exit` keeps a pane after its
 * command ends, so the last screen can still be read: a command that ends before the prompt shows
 * up fails the test with what it printed and its exit code, not with a "can't find pane" from tmux.
 */
export function openTerminal(): Terminal {
  const dir = mkdtempSync(join(tmpdir(), "modlink-tmux-"))
  const config = join(dir, "tmux.conf")
  writeFileSync(config, "set -g remain-on-exit on\n")
  const socket = join(dir, "socket")
  // The server takes its environment from the first call; every call gets the same one.
  const tmux = (...args: string[]) =>
    execFileSync(TMUX, ["-S", socket, "-f", config, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: childEnv(),
    }).toString()

  return {
    start(name, program, args, options) {
      // `env -i` + the explicit list: the command starts from exactly childEnv, whatever the
      // tmux server or the pane's login shell had. TERM is the terminal tmux emulates.
      const env = Object.entries(childEnv({ TERM: "screen", ...options.env })).map(([key, value]) =>
        quote(`${key}=${value}`),
      )
      // tmux's own #{pane_dead_status} is sometimes never filled in (the pane's terminal closes
      // before the process is reaped), so the shell writes the exit code to a file.
      const exitFile = join(dir, `${name}.exit`)
      const command = `env -i ${env.join(" ")} ${[program, ...args].map(quote).join(" ")}; echo $? > ${quote(exitFile)}`
      tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", "-c", options.cwd, command)
      const screen = () => tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", name)
      const ended = (): number | undefined => {
        const written = existsSync(exitFile) ? readFileSync(exitFile, "utf8").trim() : ""
        return written ? Number(written) : undefined
      }
      return {
        screen,
        send: (...keys) => {
          tmux("send-keys", "-t", name, ...keys)
        },
        async waitFor(check, what) {
          for (let i = 0; i < 600; i++) {
            const shown = screen()
            if (check(shown)) return shown
            const exit = ended()
            if (exit !== undefined)
              throw new Error(`the command ended (exit ${exit}) before ${what}:\n${screen()}`)
            await pause()
          }
          throw new Error(`timed out waiting for ${what}:\n${screen()}`)
        },
        async exitCode() {
          for (let i = 0; i < 600; i++) {
            const exit = ended()
            if (exit !== undefined) return exit
            await pause()
          }
          throw new Error(`the command is still running:\n${screen()}`)
        },
      }
    },
    close() {
      try {
        tmux("kill-server")
      } catch {
        // no server left
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A project made by `modlink init` and migrated, with a terminal to run its commands on. */
export interface ShopOnTerminal {
  /** The project's folder. */
  readonly app: string
  readonly terminal: Terminal
}

/**
 * `modlink init my-shop` in a temporary folder, migrated, then `prepare` (if given) run on it,
 * before the suite's tests; the terminal closed and the folder removed after them. Call it inside
 * a `describe`.
 */
export function shopOnTerminal(prepare?: (app: string) => Promise<void>): ShopOnTerminal {
  let root: string | undefined
  let app = ""
  let terminal: Terminal | undefined
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "modlink-tty-"))
    app = join(root, "my-shop")
    terminal = openTerminal()
    const init = await runCli(["init", "my-shop"], { cwd: root })
    if (init.code !== 0) throw new Error(show(init))
    const migrate = await runCli(["db:migrate"], { cwd: app })
    if (migrate.code !== 0) throw new Error(show(migrate))
    await prepare?.(app)
  }, 180_000)
  afterAll(() => {
    terminal?.close()
    if (root) rmSync(root, { recursive: true, force: true })
  })
  return {
    get app() {
      return app
    },
    get terminal() {
      return terminal!
    },
  }
}
