import { isCancel, select } from "@clack/prompts"
import { describeLink } from "../../link/resolved-link.ts"
import type { RegistryRow } from "../../sync/catalog/link-registry.ts"
import type { RenameQuestion } from "../../sync/links/rename-question.ts"
import { UsageError } from "../run-command.ts"

/**
 * The CLI's rename resolver: on a terminal, a new link that may be a recorded one renamed is
 * asked about, sync's own guess selected first. A rename keeps the table and its rows; "new"
 * creates a table and offers the old one for deletion.
 */
export async function askRename(question: RenameQuestion): Promise<RegistryRow | undefined> {
  const { link, candidates, guess } = question
  const answer = await select({
    message: `Is ${describeLink(link.descriptor)} (${link.table}) a recorded link renamed?`,
    options: [
      ...candidates.map((row) => ({
        value: row.table,
        label: `renamed from ${describeLink(row.descriptor)} (${row.table}): its rows are kept`,
      })),
      { value: "", label: `a new link: create ${link.table}` },
    ],
    initialValue: guess?.table ?? "",
  })
  if (isCancel(answer)) throw new UsageError("Link sync cancelled: nothing was changed")
  return candidates.find((row) => row.table === answer)
}
