// The local landing page: GraphiQL, bundled by src/dev/graphiql.ts with esbuild and served by
// the local server only. Monaco's workers are bundled beside it and loaded from the same origin.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

const config = JSON.parse(document.getElementById('qbank-graphiql-config').textContent);

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(`${config.assets}/${name}.worker.js`);
  },
};

const fetcher = createGraphiQLFetcher({ url: config.endpoint });

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultHeaders={JSON.stringify(config.headers, null, 2)} defaultQuery={config.query} />,
);
