package io.datadock.connectors.objectstore;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.BUCKET;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.ReachedCheck;

/**
 * An object store's live check, the same four steps for every store: {@code reach host} ({@link
 * ReachedCheck}), then the store's own {@code authenticate}, {@code open bucket} and {@code list
 * collections} ({@link #afterReach}).
 */
public abstract class StoreCheck<L extends StoreLocation> extends ReachedCheck<L> {

  @Override
  protected final String[] plan() {
    return new String[] {REACH, AUTHENTICATE, BUCKET, LIST};
  }
}
