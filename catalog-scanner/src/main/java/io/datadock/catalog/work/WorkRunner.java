package io.datadock.catalog.work;

import io.datadock.catalog.scan.ScanJob;
import io.datadock.catalog.scan.ScanTarget;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Does one piece of {@link Work}: a scan, a rescan of a depot active now, a removal. */
public final class WorkRunner {

  private static final Logger LOG = LoggerFactory.getLogger(WorkRunner.class);

  private final ScanJob job;
  private final Function<String, Optional<ScanTarget>> activeDepot;

  /**
   * @param activeDepot the depot as it is active now, if it is
   */
  public WorkRunner(ScanJob job, Function<String, Optional<ScanTarget>> activeDepot) {
    this.job = job;
    this.activeDepot = activeDepot;
  }

  public void run(Work work) {
    if (work instanceof Work.Scan scan) {
      job.scan(scan.target(), scan.trigger());
    } else if (work instanceof Work.Rescan rescan) {
      activeDepot
          .apply(rescan.depotKey())
          .ifPresentOrElse(
              target -> job.scan(target, rescan.trigger()),
              () ->
                  LOG.info("catalog rescan skipped depot={} reason=not active", rescan.depotKey()));
    } else if (work instanceof Work.RemoveAll remove) {
      try {
        job.removeAll(remove.depotKey());
      } catch (Exception e) {
        LOG.error("catalog removal failed depot={}", remove.depotKey(), e);
      }
    }
  }
}
