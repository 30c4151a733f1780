// The per-transaction timeout every contender gets (raw through its driver,
// actorgraph through NEO4J_QUERY_TIMEOUT_MS, @neo4j/graphql through its
// context), so none waits longer than another on a query that cannot finish.
// actorgraph's own default; BENCH_TX_TIMEOUT_MS overrides it for all three.
export const TRANSACTION_TIMEOUT_MS = Number(process.env.BENCH_TX_TIMEOUT_MS ?? 10_000);
