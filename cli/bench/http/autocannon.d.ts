/** The part of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module "autocannon" {
  type Context = Record<string, unknown>;
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    setupRequest?: (request: Request, context: Context) => Request;
    onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; timeout?: number; headers?: Record<string, string>; requests?: Request[] };
  type Histogram = { average: number; mean: number; min: number; max: number; total: number; p50: number; p90: number; p99: number };
  type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { sent: number };
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
