import { ModlinkError, suggest } from "../errors/index.ts"

/**
 * Keys tools probe on any object (promises, JSON, test matchers, inspectors): asking for them must
 * answer `undefined` rather than throw.
 */
function probed(key: string): boolean {
  return (
    ["then", "toJSON", "constructor", "asymmetricMatch", "nodeType", "inspect"].includes(key) ||
    /^[_$@]/.test(key)
  )
}

/**
 * `BlogModule.linkable` as an object that refuses a name it does not hold: `linkable.pst` throws
 * an error naming the module and its linkables at the line that misspelt it, instead of handing
 * `undefined` to defineLink, which could only say "invalid linkable".
 */
export function linkableEntries<T extends object>(
  module: string,
  entries: Record<string, T>,
): Record<string, T> {
  return new Proxy(entries, {
    get(target, key, receiver) {
      if (typeof key !== "string" || key in target || probed(key)) return Reflect.get(target, key, receiver)
      const names = Object.keys(target)
      throw new ModlinkError("INVALID_LINK", `Module "${module}" has no linkable "${key}"`, {
        hint: suggest(key, names, `linkables of ${module}`),
      })
    },
  })
}
