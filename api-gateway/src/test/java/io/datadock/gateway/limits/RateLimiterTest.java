package io.datadock.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.identity.Principal;
import io.datadock.gateway.auth.Caller;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(5, now::get);

  private static final BudgetKey A = BudgetKey.tenant("a");

  /** Tenants that exist: alpha and beta. */
  private static final BiPredicate<Caller, String> MEMBERSHIP =
      (caller, tenant) ->
          Set.of("alpha", "beta").contains(tenant) && caller.principal().memberOf(tenant);

  private static Caller user(String id, String... tenants) {
    return Caller.of(
        new Principal(id, id, "person", Set.of(tenants), Set.of(Principal.DATA_DEV), Set.of()));
  }

  @Test
  void aBurstOfOneSecondIsAllowedThenTheCallerWaits() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire(A)).isZero();
    }
    assertThat(limiter.acquire(A)).isEqualTo(1);

    now.addAndGet(200_000_000L); // 0.2 s refills one token
    assertThat(limiter.acquire(A)).isZero();
    assertThat(limiter.acquire(A)).isPositive();
  }

  @Test
  void oneTenantCannotUseAnothersBudget() {
    for (int i = 0; i < 5; i++) {
      limiter.acquire(BudgetKey.tenant("noisy"));
    }
    assertThat(limiter.acquire(BudgetKey.tenant("noisy"))).isPositive();
    assertThat(limiter.acquire(BudgetKey.tenant("quiet"))).isZero();
  }

  @Test
  void aRequestSpendsItsTenantsBudgetOnlyWhenTheCallerIsAMember() {
    Caller mallory = user("mallory", "alpha");
    Caller bob = user("bob", "beta");

    assertThat(BudgetKey.of(mallory, "beta", MEMBERSHIP)).isEqualTo(BudgetKey.caller(mallory));
    assertThat(BudgetKey.of(mallory, null, MEMBERSHIP)).isEqualTo(BudgetKey.tenant("alpha"));
    assertThat(BudgetKey.of(mallory, "nowhere", MEMBERSHIP)).isEqualTo(BudgetKey.caller(mallory));

    for (int i = 0; i < 50; i++) {
      limiter.acquire(BudgetKey.of(mallory, "beta", MEMBERSHIP));
    }
    assertThat(limiter.acquire(BudgetKey.of(bob, "beta", MEMBERSHIP))).isZero();
    assertThat(limiter.acquire(BudgetKey.of(mallory, "beta", MEMBERSHIP))).isPositive();
  }

  @Test
  void tenThousandMadeUpTenantsDoNotGrowTheLimiter() {
    Caller mallory = user("mallory", "alpha");
    for (int i = 0; i < 10_000; i++) {
      limiter.acquire(BudgetKey.of(mallory, UUID.randomUUID().toString(), MEMBERSHIP));
    }
    assertThat(limiter.size()).isEqualTo(1);
  }

  @Test
  void idleBucketsExpireAndTheMapIsBounded() {
    RateLimiter small = new RateLimiter(5, now::get, 100);
    for (int i = 0; i < 1000; i++) {
      small.acquire(BudgetKey.tenant("t" + i));
    }
    assertThat(small.size()).isLessThanOrEqualTo(101); // the hundred, and the shared overflow

    now.addAndGet(1_000_000_000L); // a second idle: every bucket is full again, as if new
    small.acquire(A);
    assertThat(small.size()).isEqualTo(1);
  }

  @Test
  void whileTheMapIsFullNewcomersShareOneBucket() {
    RateLimiter small = new RateLimiter(5, now::get, 2);
    small.acquire(BudgetKey.tenant("x"));
    small.acquire(BudgetKey.tenant("y"));
    for (int i = 0; i < 5; i++) {
      assertThat(small.acquire(BudgetKey.tenant("new" + i))).isZero();
    }
    assertThat(small.acquire(BudgetKey.tenant("another"))).isPositive();
    assertThat(small.acquire(BudgetKey.tenant("x"))).isZero();
  }

  @Test
  void zeroTurnsLimitingOff() {
    RateLimiter off = new RateLimiter(0, now::get);
    for (int i = 0; i < 1000; i++) {
      assertThat(off.acquire(A)).isZero();
    }
    assertThat(off.size()).isZero();
  }
}
