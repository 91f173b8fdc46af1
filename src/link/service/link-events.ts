import { ModlinkError } from "../../errors/index.ts"
import type { LinkEvent, LinkEventHandler, LinkEventName } from "./link-input.ts"

/**
 * Subscribers of `attached` / `detached`. Emitted only after the writing transaction committed, so
 * a handler never sees a link that is later rolled back. Handlers run one after another; the first
 * one to throw makes the call reject, but the write it reports on stays committed.
 */
/** Where the link service reports what it attached and detached (the app's events, or a transaction holding them). */
export interface LinkEventSink {
  on(event: LinkEventName, handler: LinkEventHandler): () => void
  emit(event: LinkEventName, payloads: readonly LinkEvent[]): Promise<void>
}

export class LinkEvents implements LinkEventSink {
  private readonly handlers: Record<LinkEventName, Set<LinkEventHandler>> = {
    attached: new Set(),
    detached: new Set(),
  }

  /** Returns a function that unsubscribes the handler. */
  on(event: LinkEventName, handler: LinkEventHandler): () => void {
    if (!(event in this.handlers)) {
      throw new ModlinkError("INVALID_INPUT", `Unknown link event "${event}"`, {
        hint: 'use "attached" or "detached"',
      })
    }
    this.handlers[event].add(handler)
    return () => {
      this.handlers[event].delete(handler)
    }
  }

  async emit(event: LinkEventName, payloads: readonly LinkEvent[]): Promise<void> {
    for (const payload of payloads) {
      for (const handler of [...this.handlers[event]]) await handler(payload)
    }
  }
}
