/** A parsed document with the means to find source lines inside it. */
export type PathSegment = string | number;

export interface LoadedDocument {
  /** Display path of the file (relative to the working directory). */
  readonly file: string;
  /** 0-based index of the document in a multi-document file. */
  readonly index: number;
  /** 1-based line where the document starts. */
  readonly line: number;
  /** Plain JS value; CloudFormation short tags are already in long form (`{Ref: X}`). */
  readonly value: unknown;
  /**
   * 1-based line of the key or item at `path`, or of its nearest existing ancestor (so a missing field
   * still points somewhere sensible).
   */
  lineOf(path: readonly PathSegment[]): number;
}
