// What `import ProductModule from "modlink/product"` resolves to: the running framework's product
// module definition, published by load-file.ts before any project file loads.
module.exports = globalThis[Symbol.for("modlink.framework.product")]
