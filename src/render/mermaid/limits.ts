/**
 * Mermaid's default limits (mermaid `maxTextSize` and `maxEdges`); GitHub renders with the defaults, so
 * every diagram archmap writes stays within them.
 */
export const MERMAID_MAX_TEXT = 50_000;
export const MERMAID_MAX_EDGES = 500;

/** Text budget of one flowchart, leaving room for the `%% diagram:` line and fences around it. */
export const DIAGRAM_TEXT_BUDGET = MERMAID_MAX_TEXT - 1_000;
