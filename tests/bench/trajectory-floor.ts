// The GraphQL floor of the trajectory read (tests/bench/run.ts, step 3b): a bare graphql-yoga server with graphql-jit,
// as the API compiles its operations, that answers the bench's trajectory query from memory with the trajectories
// the API built. No store, no session, no access check, no guards, no metrics: what the framework alone costs to
// take the request, execute the selection and write the answer, in the same process as the API it is compared to.
// The API's types have enums, date scalars and scope checks; here every leaf is a String or an Int, so the floor is
// a lower bound.
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Trajectory } from '@ketenkaart/api';

export function trajectoryFloor(trajectories: ReadonlyMap<string, Trajectory>): (request: Request) => Promise<Response> {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: /* GraphQL */ `
        type Query {
          household(id: ID!): HouseholdResult!
        }
        union HouseholdResult = Household | NotFound
        type NotFound {
          message: String!
        }
        type Household {
          id: ID!
          trajectory: Trajectory!
        }
        type Trajectory {
          steps: [Step!]!
          nodes: [Node!]!
          edges: [Edge!]!
        }
        type Step {
          daysSincePrevious: Int
          event: Event!
          regie: [RegieOnDay!]!
        }
        type Event {
          id: ID!
          kind: String!
          occurredOn: String!
        }
        type RegieOnDay {
          stage: String!
        }
        type Node {
          id: ID!
        }
        type Edge {
          source: ID!
          target: ID!
          kind: String!
        }
      `,
      resolvers: {
        Query: {
          household: (_root: unknown, { id }: { id: string }) => {
            const trajectory = trajectories.get(id);
            return trajectory ? { id, trajectory } : { message: 'not found' };
          },
        },
        HouseholdResult: {
          __resolveType: (result: object) => ('trajectory' in result ? 'Household' : 'NotFound'),
        },
      },
    }),
    plugins: [useGraphQlJit()],
    logging: false,
    graphiql: false,
    landingPage: false,
  });
  return async (request) => yoga.handleRequest(request, {});
}
