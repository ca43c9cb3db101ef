// A Yoga hello-world, for bench:scale's baseline: the least a GraphQL request over HTTP can cost
// on this machine with this stack. Prints its port once it listens on 127.0.0.1:$PORT.
import { createServer } from 'node:http'
import { createSchema, createYoga } from 'graphql-yoga'

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
  logging: false,
})
const port = Number(process.env.PORT)
createServer(yoga).listen(port, '127.0.0.1', () => console.log(port))
