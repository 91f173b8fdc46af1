/**
 * App-wide types. Links are files discovered at run time, so the type checker learns the app's
 * modules and links from a declaration file `modlink types` writes (`modlink-env.d.ts`, refreshed
 * by every project command) that fills `ModlinkRegistry`:
 *
 *   declare module "modlink" {
 *     interface ModlinkRegistry {
 *       modules: { blog: typeof import("./src/modules/blog/index.ts").default }
 *       links: [typeof import("./src/links/product-post.ts").default]
 *     }
 *   }
 *
 * Without it (or with `container` set, as this repository's own tests do) names resolve loosely.
 * Types only.
 */
import type { Simplify } from "../dml/infer.ts"
import type { DmlModel } from "../dml/model.ts"
import type { LinkType } from "../link/link-types.ts"
import type { Linkable } from "../link/linkable.ts"
import type { LinkService } from "../link/service/link-service.ts"
import type { ModuleDefinition, ServiceClass } from "../module/index.ts"
import type { ModelMap } from "../module/service-types.ts"
import type { QueryEngine } from "../query/query-engine.ts"
import type { LinkEdges, LinkEntities, LinkRelations } from "../query/types/link-graph.ts"
import type { ModelGraph } from "../query/types/model-graph.ts"
import type { TypedQuery } from "../query/types/typed-query.ts"

/** Augmented by the project's `modlink-env.d.ts`; empty until then. */
// biome-ignore lint/suspicious/noEmptyInterface: declaration merging is the point
export interface ModlinkRegistry {}

type Registered = ModlinkRegistry extends { modules: infer Modules extends object } ? Modules : never

/** The app's modules by name, once registered. */
export type AppModules = [Registered] extends [never] ? never : Registered

/** The app's links, once registered. */
export type AppLinks = ModlinkRegistry extends { links: infer Links extends readonly unknown[] }
  ? LinkTypeOfHandle<Links[number]>
  : never

type LinkTypeOfHandle<H> = H extends { readonly "~link"?: infer T extends LinkType } ? T : never

type ModelsOf<D> =
  D extends ModuleDefinition<string, infer Service>
    ? Service extends { readonly "~models"?: infer Models }
      ? [NonNullable<Models>] extends [infer Map extends ModelMap]
        ? Map[keyof Map]
        : never
      : never
    : never

type AppModels<Modules> = Extract<{ [K in keyof Modules]: ModelsOf<Modules[K]> }[keyof Modules], DmlModel>

/** The query graph of modules and links: models with their relationships and link fields, and link entities. */
export type AppGraph<Modules, Links extends LinkType> = WithLinks<ModelGraph<AppModels<Modules>>, Links> &
  LinkEntities<Links>

type WithLinks<Models, Links extends LinkType> = {
  [E in keyof Models]: Models[E] extends { fields: infer Fields; key: infer Key; relations: infer Relations }
    ? { fields: Fields; key: Key; relations: Simplify<Relations & LinkRelations<LinkEdges<Links>, E>> }
    : never
}

/**
 * `{ product: { product_id: "prod_1" }, blog: { post_id: "post_1" }, data?: {...} }` for one link;
 * `data: never` on a link without extra columns, or another link's `data` would be accepted on it.
 */
type PairInput<L extends LinkType> = L extends LinkType
  ? Simplify<
      { [M in L["left"]["module"]]: { [K in L["left"]["key"]]: string } } & {
        [M in L["right"]["module"]]: { [K in L["right"]["key"]]: string }
      } & (keyof L["extra"] extends never ? { data?: never } : { data?: Partial<L["extra"]> })
    >
  : never

type PairListInput<L extends LinkType> = L extends LinkType
  ? {
      [M in L["left"]["module"]]?: { [K in L["left"]["key"]]?: string | readonly string[] }
    } & {
      [M in L["right"]["module"]]?: { [K in L["right"]["key"]]?: string | readonly string[] }
    }
  : never

/** `{ blog: { post_id: ["post_1"] } }`: records of any linkable model of the app. */
type RecordsOf<Modules> = {
  [K in keyof Modules]?: Modules[K] extends { linkable: infer Entries }
    ? { [Key in LinkableKeys<Entries>]?: string | readonly string[] }
    : never
}
type LinkableKeys<Entries> = {
  [K in keyof Entries]: Entries[K] extends Linkable ? Entries[K]["linkable"] : never
}[keyof Entries]

/** The link service of a registered app: only its links' module keys, `<model>_id` keys and extra columns. */
export type AppLinkService<Modules, Links extends LinkType> = LinkService<
  PairInput<Exclude<Links, { readOnly: true }>>,
  PairListInput<Exclude<Links, { readOnly: true }>>,
  RecordsOf<Modules>
>

type ServiceOf<D> = D extends { service: infer Service extends ServiceClass } ? InstanceType<Service> : never

/** What `resolve` returns per name in a registered app. */
export type TypedContainer<Modules, Links extends LinkType> = {
  query: TypedQuery<AppGraph<Modules, Links>>
  link: AppLinkService<Modules, Links>
} & { [K in keyof Modules]: ServiceOf<Modules[K]> }

/** Before `modlink types`: the engine and link service untyped, modules by any name. */
export type UntypedContainer = { query: QueryEngine; link: LinkService } & { [name: string]: unknown }

/** The app's own names: typed once registered, loose before. */
export type AppContainer = [AppModules] extends [never]
  ? UntypedContainer
  : TypedContainer<AppModules, AppLinks>

/**
 * What `app.resolve` and an exec script's `container.resolve` return, by name. A registry may set
 * `container` to replace it wholesale (this repository's tests resolve ad hoc modules that way).
 */
export type Container = ModlinkRegistry extends { container: infer C extends object } ? C : AppContainer
