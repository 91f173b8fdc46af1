import { blogModuleFiles, configFile, createProject, linkFile, type Project } from "../../support/project.ts"

/**
 * The links the reliability tests drive, one per cardinality, all between the built-in product
 * module and the seeds' blog module (a pair of models can carry one link per direction only):
 *
 * - `product_post`        1:1   a product has one post, a post one product
 * - `product_comment`     1:N   a product has many comments, a comment one product
 * - `product_tag_post`    N:1   a tag has one post, a post many tags
 * - `product_collection_comment` N:N, with a `note` extra column written on every create
 */
export const LINK_FILES: Record<string, string> = {
  "src/links/product-post.ts": linkFile("ProductModule.linkable.product, BlogModule.linkable.post"),
  "src/links/product-comment.ts": linkFile(
    "ProductModule.linkable.product, { linkable: BlogModule.linkable.comment, isList: true }",
  ),
  "src/links/tag-post.ts": linkFile(
    "{ linkable: ProductModule.linkable.productTag, isList: true }, BlogModule.linkable.post",
  ),
  "src/links/collection-comment.ts": linkFile(
    `{ linkable: ProductModule.linkable.productCollection, isList: true },
     { linkable: BlogModule.linkable.comment, isList: true },
     { database: { extraColumns: { note: { type: "text", nullable: true } } } }`,
  ),
}

/** Product + blog modules with the four links above, on whatever database the test passes. */
export function linkProject(): Project {
  return createProject({ ...configFile(), ...blogModuleFiles(), ...LINK_FILES })
}
