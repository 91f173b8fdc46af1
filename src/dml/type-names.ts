/**
 * The names `names.ts` derives at run time, derived again by the type checker so generated method
 * names (`createPosts`), query entities (`product_variant`) and linkable keys (`post_id`) are known
 * to the editor. `test/dml/type-names.test.ts` checks both derivations agree on every model name
 * the repository and its docs use.
 */

type Separator = "_" | "-" | " "

/** `product_variant` → `productVariant`; `ProductVariant` → `productVariant`; `post` → `post`. */
export type CamelCase<S extends string> = S extends `${string}${Separator}${string}`
  ? JoinCamel<Lowercase<S>>
  : Uncapitalize<S>

type JoinCamel<S extends string> = S extends `${infer Head}${Separator}${infer Tail}`
  ? `${Head}${Capitalize<JoinCamel<Tail>>}`
  : S

export type PascalCase<S extends string> = Capitalize<CamelCase<S>>

/** `productVariant` → `product_variant`: an underscore before each capital that follows a lower case letter or digit. */
export type SnakeCase<S extends string> = Lowercase<SnakeWords<S>>

type SnakeWords<S extends string, Previous extends string = ""> = S extends `${infer C}${infer Rest}`
  ? `${IsUpper<C> extends true ? (IsLowerOrDigit<Previous> extends true ? "_" : "") : ""}${C}${SnakeWords<Rest, C>}`
  : ""

type IsUpper<C extends string> = C extends Lowercase<C> ? false : true
type IsLowerOrDigit<C extends string> = C extends ""
  ? false
  : C extends Uppercase<C>
    ? C extends `${Digit}`
      ? true
      : false
    : true
type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9

/**
 * English plurals as the `pluralize` package forms them for model names: the irregular and
 * uncountable endings first (matched on the end of the name, as pluralize does), then the regular
 * rules. A name outside these rules would get a method name the runtime does not have; the test
 * above lists the names this is checked on.
 */
export type Plural<S extends string> = S extends `${infer Head}${IrregularSingular}`
  ? S extends `${Head}${infer Tail extends IrregularSingular}`
    ? `${Head}${Irregular[Tail]}`
    : never
  : S extends `${string}${Uncountable}`
    ? S
    : S extends `${infer Head}${Consonant}y`
      ? S extends `${Head}${infer C}y`
        ? `${Head}${C}ies`
        : never
      : S extends `${string}${"s" | "x" | "z" | "ch" | "sh"}`
        ? `${S}es`
        : `${S}s`

type Consonant = Exclude<
  | "b"
  | "c"
  | "d"
  | "f"
  | "g"
  | "h"
  | "j"
  | "k"
  | "l"
  | "m"
  | "n"
  | "p"
  | "q"
  | "r"
  | "s"
  | "t"
  | "v"
  | "w"
  | "x"
  | "z",
  never
>

/** Endings pluralize treats as irregular, in both the capitalised and lower case spellings. */
interface Irregular {
  Person: "People"
  person: "people"
  Child: "Children"
  child: "children"
  Man: "Men"
  man: "men"
  Woman: "Women"
  woman: "women"
  Index: "Indices"
  index: "indices"
  Address: "Addresses"
  address: "addresses"
  Status: "Statuses"
  status: "statuses"
  Quiz: "Quizzes"
  quiz: "quizzes"
  Leaf: "Leaves"
  leaf: "leaves"
  Life: "Lives"
  life: "lives"
  Wife: "Wives"
  wife: "wives"
  Knife: "Knives"
  knife: "knives"
}
type IrregularSingular = keyof Irregular & string

/** Endings pluralize leaves unchanged. */
type Uncountable =
  | "Metadata"
  | "metadata"
  | "Media"
  | "media"
  | "Data"
  | "data"
  | "Information"
  | "information"
  | "Equipment"
  | "equipment"
  | "News"
  | "news"
  | "Series"
  | "series"
  | "Species"
  | "species"
  | "Sheep"
  | "sheep"
  | "Fish"
  | "fish"
