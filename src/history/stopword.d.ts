// stopword ships no types: the one list we use.
declare module 'stopword' {
  /** English stopwords, lower case. */
  export const eng: readonly string[]
}
