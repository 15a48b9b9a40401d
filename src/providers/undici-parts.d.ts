// Types for the two undici files undici-fetch.ts loads directly (instead of undici's index, which loads everything).
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici'
  const AgentClass: typeof Agent
  export default AgentClass
}

declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici'
  /** The request API, called with a dispatcher as `this` (undici assigns it to Dispatcher.prototype.request). */
  function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>
  export default request
}
