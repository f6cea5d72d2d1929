# workerd configuration for the site: one worker from dist/worker.js with Node.js compatibility
# (the bundle imports node:buffer, node:crypto…; nodejs_compat is the default from 2026-08-04). The test overrides the socket's address with
# --socket-addr http=127.0.0.1:<port>.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .site)],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);

const site :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "../dist/worker.js")],
  compatibilityDate = "2026-11-01",
);
