import type { IdKey, InferTypeOf, ModelSnakeName, RelationsOf } from "../../dml/infer.ts"
import type { DmlModel } from "../../dml/model.ts"

/** A model as a query entity: its record, its key and its relationships by field name. */
export type ModelEntity<M> = {
  fields: InferTypeOf<M>
  key: IdKey<M> & string
  relations: {
    [K in keyof RelationsOf<M>]: {
      target: ModelSnakeName<RelationsOf<M>[K]["model"]>
      list: RelationsOf<M>[K]["list"]
    }
  }
}

/** The entities of some models, by their query name (`post`, `product_variant`). */
export type ModelGraph<Models extends DmlModel> = {
  [M in Models as ModelSnakeName<M>]: ModelEntity<M>
}
