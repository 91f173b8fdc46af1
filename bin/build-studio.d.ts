/** Where the studio's browser bundle is written: `dist/studio/` of the package. */
export declare const STUDIO_BUNDLE: string
/** Bundles src/studio/client/ with esbuild and copies its page and stylesheet next to it. */
export declare function buildStudio(): Promise<void>
