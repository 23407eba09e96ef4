package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelStartTest {

  @Test
  @Timeout(10)
  void stepsRunAtOnce() {
    // each step can finish only once the other has begun: one after the other, they never would
    CountDownLatch begun = new CountDownLatch(2);
    Runnable step =
        () -> {
          begun.countDown();
          try {
            assertThat(begun.await(5, TimeUnit.SECONDS)).as("the other step began").isTrue();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };

    new ParallelStart().add("a", step).add("b", step).run();

    assertThat(begun.getCount()).isZero();
  }

  @Test
  @Timeout(10)
  void aFailureIsRethrownOnceEveryStepHasEnded() {
    AtomicBoolean slowEnded = new AtomicBoolean();
    CountDownLatch failed = new CountDownLatch(1);

    assertThatThrownBy(
            () ->
                new ParallelStart()
                    .add(
                        "failing",
                        () -> {
                          failed.countDown();
                          throw new IllegalStateException("port in use");
                        })
                    .add(
                        "slow",
                        () -> {
                          try {
                            failed.await();
                            Thread.sleep(200); // outlasts the failure, which must wait for it
                          } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                          }
                          slowEnded.set(true);
                        })
                    .run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("port in use");
    assertThat(slowEnded).isTrue();
  }
}
