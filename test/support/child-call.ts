/**
 * `node --import jiti/register child-call.ts <module> <export> <json args>`: calls the export with
 * the arguments and prints its result as JSON. Long synchronous work (the TypeScript compiler)
 * runs here, so the test worker's event loop keeps answering Vitest meanwhile.
 */
const [module, name, args] = process.argv.slice(2)
const exports = await import(module)
const result = await exports[name](...JSON.parse(args))
process.stdout.write(JSON.stringify(result))
