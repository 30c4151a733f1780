// The saved operations GraphiQL opens with (and README and tests reuse):
// the default shows the chain Iran → IRGC-Quds Force → militias → U.S.
// forces with its evidence; the others show search, neighbourhood, paths,
// events and asOf. Ids are the register's slugs.

export type ExampleOperation = { name: string; query: string; variables?: Record<string, unknown> };

export const DEFAULT_OPERATION: ExampleOperation = {
  name: "IranToUsForces",
  query: `# Iran → IRGC-Quds Force → Iran-backed militias → U.S. forces, with evidence.
# Run it (▶), then open the other tabs: search, neighbourhood, paths, events, asOf.
query IranToUsForces {
  # Who backs the militias, and who backs their backers (SUPPORTS family).
  supportChain(id: "iran-backed-militias", maxHops: 2) {
    links {
      depth
      supporter { id name }
      supported { id name }
      relation {
        predicate
        confidence
        claimCount
        contested
        evidence { quote attribution document { title publishedAt } }
      }
    }
  }
  # What the militias do to U.S. forces.
  militias: actor(id: "iran-backed-militias") {
    name
    relations(direction: OUTGOING, predicates: [ATTACKS]) {
      edges {
        predicate
        actor { id name }
        confidence
        claimCount
        firstReported
        lastReported
        claims(first: 2) { quote attribution document { title url publishedAt } }
      }
    }
  }
  # The chain as paths from Iran, following relations forward.
  paths(from: "iran", to: "us-forces", maxHops: 3, direction: OUTGOING, k: 5,
        predicates: [DIRECTS, SUPPORTS, FUNDS, ARMS, TRAINS, ATTACKS]) {
    actors { name }
    hops { predicate confidence evidence { quote } }
  }
}
`,
};

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    name: "Search",
    query: `# Full-text over names, aliases and quotes.
query Search {
  search(text: "Quds Force", first: 5) {
    score
    field
    snippet
    actor { id name type }
    claim { predicate quote document { title } }
  }
  byName: actorByName(name: "U.S. Central Command") { id name aliases }
}
`,
  },
  {
    name: "Neighbourhood",
    query: `# Everything within two hops of Kata'ib Hezbollah, ready to draw.
query Neighbourhood {
  neighborhood(id: "kataib-hezbollah", depth: 2, minConfidence: 0.5, limit: 50) {
    nodes { id name type }
    edges { from { id } to { id } predicate confidence contested }
    truncated
  }
}
`,
  },
  {
    name: "Paths",
    query: `# How is Iran connected to U.S. forces? The 3 shortest paths, each hop with its best evidence.
query Paths {
  paths(from: "iran", to: "us-forces", maxHops: 4, k: 3) {
    length
    actors { id name }
    hops {
      from { name }
      predicate
      to { name }
      confidence
      evidence { quote attribution document { title url publishedAt } }
    }
  }
}
`,
  },
  {
    name: "Events",
    query: `# Attacks on U.S. forces since October 2023, newest first.
query Events {
  events(filter: { types: ["ATTACK"], target: "us-forces", from: "2023-10-01" }, first: 10) {
    totalCount
    edges {
      node {
        id
        date
        type
        perpetrators { name }
        locations { name }
        weapons
        killed { best }
        injured { best }
        documents { title url }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    name: "AsOf",
    query: `# What was known about the IRGC-Quds Force at the end of October 2023, and what is known now.
query AsOf {
  then: actor(id: "irgc-quds-force") {
    relations(asOf: "2023-10-31", polarity: ANY) {
      edges { predicate direction actor { name } polarity confidence claimCount contested asOf }
    }
  }
  now: actor(id: "irgc-quds-force") {
    relations(polarity: ANY) {
      edges { predicate direction actor { name } polarity confidence claimCount contested }
    }
  }
}
`,
  },
  {
    name: "Stats",
    query: `query Stats {
  stats {
    actorsByType { type count }
    relationsByPredicate { predicate count contested }
    documents
    claims
    events
  }
}
`,
  },
];
