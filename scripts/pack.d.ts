export interface PackedCheckout {
  /** Path of the .tgz written into the destination folder. */
  tarball: string
  /** Paths inside the package, as `npm pack` lists them. */
  files: string[]
  /** Bytes of the tarball, and of its files unpacked. */
  size: number
  unpackedSize: number
}

/** `npm pack` of a copy of this checkout (its `prepare` builds dist/ there) into `destination`. */
export function packCheckout(destination: string): PackedCheckout
