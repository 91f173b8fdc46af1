/**
 * The methods `ModuleService({ Post, Comment })` generates, typed from the models with no
 * generation step. Names follow `method-names.ts` (`Plural` mirrors pluralize); results and
 * options use the query types of a one-module graph, as the methods run on the query engine.
 * Types only.
 */
import type {
  CreateInput,
  InferTypeOf,
  LinkableKeyOf,
  ModelEntityName,
  ModelSnakeName,
  PluralEntityName,
  UpdateInput,
} from "../dml/infer.ts"
import type { DmlModel } from "../dml/model.ts"
import type { CheckPaths, SelectedRow } from "../query/types/field-paths.ts"
import type { GraphFilters } from "../query/types/filters.ts"
import type { ModelGraph } from "../query/types/model-graph.ts"
import type { GraphOrder } from "../query/types/order.ts"
import type { RemoveOptions } from "./methods/remove.ts"

export type ModelMap = { [key: string]: DmlModel }

type Graph<Models extends ModelMap> = ModelGraph<Models[keyof Models]>
type Entity<M> = ModelSnakeName<M>

/** `relations: ["variants.options"]` returns the variants whole too, as at run time. */
type RelationFields<Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? `${Head}.*` | `${Head}.${RelationFields<Rest>}`
  : `${Path}.*`

/** Options of `list*`, `listAndCount*` and `retrieve*`. */
export interface ServiceFindConfig<
  Models extends ModelMap,
  M extends DmlModel,
  Select extends readonly string[],
  Relations extends readonly string[],
> {
  /** Fields to return (`"title"`, `"comments.body"`); every field when omitted. */
  select?: CheckPaths<Graph<Models>, Entity<M>, Select>
  /** Relations to include whole (`"comments"`, `"variants.options"`). */
  relations?: CheckPaths<Graph<Models>, Entity<M>, Relations>
  order?: GraphOrder<Graph<Models>, Entity<M>>
  skip?: number
  take?: number
  withDeleted?: boolean
  /** `"primary"` reads from the primary even when the module's database has read replicas. */
  consistency?: "replica" | "primary"
}

/** What a `list*` call returns: the selected fields, every field when `select` is left out. */
export type ServiceRow<
  Models extends ModelMap,
  M extends DmlModel,
  Select extends readonly string[],
  Relations extends readonly string[],
> = SelectedRow<
  Graph<Models>,
  Entity<M>,
  (Select extends readonly [] ? "*" : Select[number]) | RelationFields<Relations[number]>
>

export type ServiceFilters<Models extends ModelMap, M extends DmlModel> = GraphFilters<
  Graph<Models>,
  Entity<M>
>

/** A record, several, or a filter: whom delete, softDelete and restore act on. */
export type Selector<Models extends ModelMap, M extends DmlModel> =
  | string
  | readonly string[]
  | ServiceFilters<Models, M>

export interface CreateMethod<M extends DmlModel> {
  (data: readonly CreateInput<M>[]): Promise<InferTypeOf<M>[]>
  (data: CreateInput<M>): Promise<InferTypeOf<M>>
}

export interface UpdateMethod<Models extends ModelMap, M extends DmlModel> {
  (data: readonly UpdateInput<M>[]): Promise<InferTypeOf<M>[]>
  (data: UpdateInput<M>): Promise<InferTypeOf<M>>
  (data: { selector: ServiceFilters<Models, M>; data: Partial<CreateInput<M>> }): Promise<InferTypeOf<M>[]>
}

export type ListMethod<Models extends ModelMap, M extends DmlModel> = <
  const Select extends readonly string[] = readonly [],
  const Relations extends readonly string[] = readonly [],
>(
  filters?: ServiceFilters<Models, M>,
  config?: ServiceFindConfig<Models, M, Select, Relations>,
) => Promise<ServiceRow<Models, M, Select, Relations>[]>

export type ListAndCountMethod<Models extends ModelMap, M extends DmlModel> = <
  const Select extends readonly string[] = readonly [],
  const Relations extends readonly string[] = readonly [],
>(
  filters?: ServiceFilters<Models, M>,
  config?: ServiceFindConfig<Models, M, Select, Relations>,
) => Promise<[ServiceRow<Models, M, Select, Relations>[], number]>

export type RetrieveMethod<Models extends ModelMap, M extends DmlModel> = <
  const Select extends readonly string[] = readonly [],
  const Relations extends readonly string[] = readonly [],
>(
  id: string,
  config?: Omit<ServiceFindConfig<Models, M, Select, Relations>, "skip" | "take">,
) => Promise<ServiceRow<Models, M, Select, Relations>>

/** The ids affected, under the model's linkable key (`{ post_id: [...] }`), as the link cascade takes them. */
export type ChangedIds<M extends DmlModel> = { [K in LinkableKeyOf<M>]: string[] }

export type ChangeMethod<Models extends ModelMap, M extends DmlModel> = (
  selector: Selector<Models, M>,
  options?: RemoveOptions,
) => Promise<ChangedIds<M>>

/** Every generated method of a service over `Models`, named per model as at run time. */
export type ServiceMethods<Models extends ModelMap> = {
  [K in keyof Models as `create${PluralEntityName<Models[K]>}`]: CreateMethod<Models[K]>
} & {
  [K in keyof Models as `update${PluralEntityName<Models[K]>}`]: UpdateMethod<Models, Models[K]>
} & {
  [K in keyof Models as `retrieve${ModelEntityName<Models[K]>}`]: RetrieveMethod<Models, Models[K]>
} & {
  [K in keyof Models as `list${PluralEntityName<Models[K]>}`]: ListMethod<Models, Models[K]>
} & {
  [K in keyof Models as `listAndCount${PluralEntityName<Models[K]>}`]: ListAndCountMethod<Models, Models[K]>
} & {
  [K in keyof Models as `delete${PluralEntityName<Models[K]>}`]: (
    selector: Selector<Models, Models[K]>,
    options?: RemoveOptions,
  ) => Promise<void>
} & {
  [K in keyof Models as `softDelete${PluralEntityName<Models[K]>}`]: ChangeMethod<Models, Models[K]>
} & {
  [K in keyof Models as `restore${PluralEntityName<Models[K]>}`]: ChangeMethod<Models, Models[K]>
}
