// `npm start`: build the console if needed, then serve it and forward the API, on the embedded demo API unless
// SENT_API_URL / SENT_DM_API_KEY point at a real one. The gateway itself comes from from-env.ts.
import { buildIsStale, runBuild } from './build.ts';
import { configOrExit, fail } from './cli.ts';
import { ConfigError } from './config.ts';
import { gatewayFromEnv } from './from-env.ts';
import { serveGateway } from './server.ts';

const config = configOrExit();

// `npm run build` writes dist/; a custom DIST_DIR is someone else's build to manage.
if (!process.env.DIST_DIR && buildIsStale(config.distDir)) {
  console.log('Building the console (dist/ is missing or older than src/)…');
  if (!runBuild()) fail('The build failed; see above.');
}

const stopOnError = (err: NodeJS.ErrnoException): never => {
  if (err.code === 'EADDRINUSE') fail(`Port ${config.port} is already in use: set PORT to another one.`);
  if (err instanceof ConfigError) fail(err.message);
  throw err;
};
const { gateway, ready } = await gatewayFromEnv(config, 'start').catch(stopOnError);
const server = await serveGateway(gateway, config.host, config.port).catch(stopOnError);

// Listen first so a busy port fails fast; print the URL once the data is there.
await ready;
// A wildcard bind is not a browsable address; localhost reaches it from this machine.
const wildcard = config.host === '0.0.0.0' || config.host === '::';
console.log(`Sent console on ${wildcard ? `http://localhost:${server.port}` : server.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
