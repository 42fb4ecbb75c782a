import autocannon from 'autocannon';

export type RunFigures = {
  connections: number;
  seconds: number;
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The first few non-2xx replies (status and start of the body), to say why. */
  samples: string[];
};

/**
 * POSTs `body()` (a new body per request, via setupRequest) to `url` with `connections` keep-alive
 * connections for `seconds`; orders/s counts only 2xx replies.
 */
export async function runLoad(opts: { url: string; headers: Record<string, string>; connections: number; seconds: number; body: () => string }): Promise<RunFigures> {
  const samples: string[] = [];
  const result = await autocannon({
    url: opts.url,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    headers: { 'content-type': 'application/json', ...opts.headers },
    requests: [{
      method: 'POST',
      setupRequest: (req) => ({ ...req, body: opts.body() }),
      onResponse: (status, body) => {
        if ((status < 200 || status > 299) && samples.length < 5) samples.push(`${status} ${body.slice(0, 300)}`);
      },
    }],
  });
  return {
    connections: opts.connections,
    seconds: result.duration,
    ok: result['2xx'],
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    samples,
  };
}
