package io.datadock.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantRateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final TenantRateLimiter limiter = new TenantRateLimiter(5, now::get);

  @Test
  void aBurstOfOneSecondIsAllowedThenTheCallerWaits() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isEqualTo(1);

    now.addAndGet(200_000_000L); // 0.2 s refills one token
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void oneTenantCannotUseAnothersBudget() {
    for (int i = 0; i < 5; i++) {
      limiter.acquire("noisy");
    }
    assertThat(limiter.acquire("noisy")).isPositive();
    assertThat(limiter.acquire("quiet")).isZero();
  }

  @Test
  void zeroTurnsLimitingOff() {
    TenantRateLimiter off = new TenantRateLimiter(0, now::get);
    for (int i = 0; i < 1000; i++) {
      assertThat(off.acquire("a")).isZero();
    }
  }
}
