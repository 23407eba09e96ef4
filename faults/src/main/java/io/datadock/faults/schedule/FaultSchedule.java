package io.datadock.faults.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded schedule: every kind once per round, in a seeded order, a fixed gap apart, each on a
 * seeded target. The same seed gives the same schedule.
 */
public final class FaultSchedule {

  private FaultSchedule() {}

  /**
   * @param firstAtMillis when the first fault starts (load running before it)
   * @param gapMillis time between two faults: room for one fault and its recovery
   * @param kindsToRun the kinds scheduled, each once per round
   */
  public static List<Fault> of(
      long seed, int rounds, long firstAtMillis, long gapMillis, List<FaultKind> kindsToRun) {
    Random random = new Random(seed);
    List<Fault> faults = new ArrayList<>();
    long at = firstAtMillis;
    for (int round = 0; round < rounds; round++) {
      List<FaultKind> kinds = new ArrayList<>(kindsToRun);
      Collections.shuffle(kinds, random);
      for (FaultKind kind : kinds) {
        faults.add(new Fault(kind, at, random.nextInt(1_000)));
        at += gapMillis;
      }
    }
    return List.copyOf(faults);
  }
}
