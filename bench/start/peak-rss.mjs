// Loaded with `node --import` into a measured command: reports the process's peak resident set
// size on exit, on a line of its own that the start scenario reads back from stderr.
import { writeSync } from "node:fs"

process.on("exit", () => {
  writeSync(2, `\nmodlink-bench-peak-rss-kib ${process.resourceUsage().maxRSS}\n`)
})
