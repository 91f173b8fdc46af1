import pc from "picocolors"

/** Colors only on a terminal, never when NO_COLOR is set (https://no-color.org). */
export const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb"

export const colors = pc.createColors(useColor)
