/** Requests to workers and figures clients: one error convention, request / response by id, latest wins. */
export { RequestError, isAborted, asRequestError, abortError, type RequestErrorReason } from './request-error.ts';
export { workerRequests, type WorkerPort, type WorkerAnswer, type WorkerRequests, type WorkerRequestOptions } from './worker-requests.ts';
export { LatestWins, coalesce } from './latest-wins.ts';
