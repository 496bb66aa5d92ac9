// Typing helpers for message catalogues: every language must have exactly the keys of the English one.

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> }

/** The shape a translation must have, derived from the English catalogue. */
export type Catalogue<T> = Widen<T>

export interface Bilingual<T> {
  'en-US': T
  'zh-CN': Catalogue<T>
}
