// The `server-only` marker throws outside Next's server bundles. The CLI and the unit tests run the
// data layer in plain Node, which is the server, so they resolve the marker to this empty module.
export {};
