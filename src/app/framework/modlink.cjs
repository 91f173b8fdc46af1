// What a project's `import … from "modlink"` resolves to: the framework already running, published
// by load-file.ts before any project file loads. One copy, so nothing is compiled twice and every
// object (models, SQL fragments, errors) comes from the same classes.
module.exports = globalThis[Symbol.for("modlink.framework")]
