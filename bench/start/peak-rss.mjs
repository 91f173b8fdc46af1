// Loaded with `node --import` into a measured command: reports the process's peak resident set
// size and its CPU time (every thread: user + system) on exit, on a line of its own that the start
// scenario reads back from stderr.
import { writeSync } from "node:fs"

process.on("exit", () => {
  const usage = process.resourceUsage()
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)
  writeSync(2, `\nmodlink-bench-peak-rss-kib ${usage.maxRSS} cpu-ms ${cpuMs}\n`)
})
