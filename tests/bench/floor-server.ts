// The floor of the throughput figure (tests/bench/throughput.ts): a bare graphql-yoga server in a process of its own
// that answers the reference query from memory, with the answer Ketenkaart gave. No store, no session, no access
// check, no limits: what graphql-yoga and Node's HTTP server alone reach on this machine. Prints its port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const answer = JSON.parse(process.env.FLOOR_ANSWER ?? '{}') as { centrumgemeenten?: unknown[] };

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query {
        centrumgemeenten: [Centrumgemeente!]!
      }
      type Centrumgemeente {
        id: ID!
        name: String!
        chainModel: ChainModel
      }
      type ChainModel {
        stages: [ChainStage!]!
      }
      type ChainStage {
        order: Int!
        regieHolder: Agency
      }
      type Agency {
        name: String!
      }
    `,
    resolvers: { Query: { centrumgemeenten: () => answer.centrumgemeenten ?? [] } },
  }),
  logging: false,
  graphiql: false,
});

const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
