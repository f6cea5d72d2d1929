/** The site as a Cloudflare Worker module, for workerd (see workerd.capnp). */
import { app } from './app.js';

export default {
  fetch: (request: Request): Promise<Response> => app.fetch(request),
};
