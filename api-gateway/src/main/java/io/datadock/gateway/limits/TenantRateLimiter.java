package io.datadock.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant: {@code perSecond} requests a second on average, bursts up to one
 * second's worth, so one tenant cannot starve the others. Zero turns limiting off.
 */
public final class TenantRateLimiter {

  private final double perSecond;
  private final LongSupplier nanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public TenantRateLimiter(double perSecond, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.nanos = nanos;
  }

  /**
   * Takes one request's token.
   *
   * @return 0 when allowed, else the seconds to wait before a token is free (for Retry-After)
   */
  public long acquire(String tenant) {
    if (perSecond <= 0) {
      return 0;
    }
    long now = nanos.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(perSecond, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(perSecond, bucket.tokens + (now - bucket.at) / 1e9 * perSecond);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
    }
  }
}
