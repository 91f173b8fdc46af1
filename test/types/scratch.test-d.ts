import { expectTypeOf, test } from "vitest"
import type { InferTypeOf } from "modlink"
import BlogModule from "../../examples/blog/src/modules/blog/index.ts"
import { BlogModuleService } from "../../examples/blog/src/modules/blog/service.ts"
import { Post } from "../../examples/blog/src/modules/blog/models/post.ts"

test("scratch", async () => {
  const blog = new BlogModuleService()
  const created = await blog.createPosts([{ title: "a", body: "b" }])
  expectTypeOf(created).toEqualTypeOf<InferTypeOf<typeof Post>[]>()
  const listed = await blog.listPosts({ title: { $ilike: "x" } }, { select: ["title", "comments.body"] })
  expectTypeOf(listed).toEqualTypeOf<{ id: string; title: string; comments: { id: string; body: string }[] }[]>()
  // @ts-expect-error typo
  await blog.createPosts([{ title: "a", body: "b", nmae: "x" }])
  // @ts-expect-error typo in select
  await blog.listPosts({}, { select: ["titel"] })
  expectTypeOf(BlogModule.linkable.post.linkable).toEqualTypeOf<"post_id">()
})
