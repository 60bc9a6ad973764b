// Query limits in one place: page sizes, depth, breadth and complexity (cost) of one operation.
export const queryLimits = {
  defaultPageSize: 25,
  maxPageSize: 100,
  maxDepth: 12,
  maxBreadth: 400,
  maxComplexity: 40_000,
  /** Milliseconds one operation may run before the client gets a typed refusal instead of waiting on. */
  executionDeadlineMs: 15_000,
};
