package io.datadock.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per {@link BudgetKey}: {@code perSecond} requests a second on average, bursts up
 * to one second's worth, so one tenant cannot starve the others. Zero turns limiting off.
 *
 * <p>Bounded: a bucket idle for a second is full again, the same as no bucket, so it is dropped
 * (swept at most once a second, and whenever the map is full); while {@code maxBuckets} buckets are
 * all busy, keys without one share a single overflow bucket rather than growing the map.
 */
public final class RateLimiter {

  /** The most buckets held, by default: far more than the tenants and users of a gateway. */
  public static final int DEFAULT_MAX_BUCKETS = 100_000;

  private static final long SECOND = 1_000_000_000L;
  private static final String OVERFLOW = "\u0000overflow";

  private final double perSecond;
  private final LongSupplier nanos;
  private final int maxBuckets;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile long sweptAt;

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }

    synchronized boolean idleSince(long now) {
      return now - at >= SECOND;
    }
  }

  public RateLimiter(double perSecond, LongSupplier nanos) {
    this(perSecond, nanos, DEFAULT_MAX_BUCKETS);
  }

  public RateLimiter(double perSecond, LongSupplier nanos, int maxBuckets) {
    this.perSecond = perSecond;
    this.nanos = nanos;
    this.maxBuckets = maxBuckets;
    this.sweptAt = nanos.getAsLong();
  }

  /**
   * Takes one request's token.
   *
   * @return 0 when allowed, else the seconds to wait before a token is free (for Retry-After)
   */
  public long acquire(BudgetKey key) {
    if (perSecond <= 0) {
      return 0;
    }
    long now = nanos.getAsLong();
    if (now - sweptAt >= SECOND) {
      sweep(now);
    }
    Bucket bucket = buckets.get(key.id());
    if (bucket == null) {
      if (buckets.size() >= maxBuckets) {
        sweep(now);
      }
      String id = buckets.size() >= maxBuckets ? OVERFLOW : key.id();
      bucket = buckets.computeIfAbsent(id, k -> new Bucket(perSecond, now));
    }
    synchronized (bucket) {
      long elapsed = Math.max(0, now - bucket.at);
      bucket.tokens = Math.min(perSecond, bucket.tokens + elapsed / 1e9 * perSecond);
      bucket.at = Math.max(bucket.at, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
    }
  }

  private void sweep(long now) {
    sweptAt = now;
    buckets.values().removeIf(b -> b.idleSince(now));
  }

  /** How many buckets are held now (a gauge; tests). */
  public int size() {
    return buckets.size();
  }
}
