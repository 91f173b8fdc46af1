/** A model of a loaded module, by module name and snake model name (`blog`, `post`). */
export interface ModelRef {
  module: string
  model: string
}

/** `blog.post`: how the link service keys its maps of models. */
export const modelKey = (module: string, model: string): string => `${module}.${model}`

/** Every model of the given modules. */
export function modelRefs(
  modules: readonly { name: string; models: readonly { snakeName: string }[] }[],
): ModelRef[] {
  return modules.flatMap((module) =>
    module.models.map((model) => ({ module: module.name, model: model.snakeName })),
  )
}
