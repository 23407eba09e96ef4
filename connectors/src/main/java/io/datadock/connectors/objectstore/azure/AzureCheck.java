package io.datadock.connectors.objectstore.azure;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.BUCKET;
import static io.datadock.connectors.CheckSteps.LIST;

import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.objectstore.StoreCheck;
import io.datadock.core.manifest.depot.SourceType;
import java.util.Optional;

/**
 * abfss and wasbs, with the Azure Storage Blob SDK through the Blob endpoint ({@link
 * AzureLocation}, {@link AzureClients}): the service's addresses decided by the egress gate and
 * reached over TCP; a one-blob listing of the container, signed with the account key or the SAS
 * token, as both the login (a refused signature fails {@code authenticate}) and {@code open bucket}
 * (a missing container, or credentials that may not list it); one page of the blob listing under
 * the prefix as the listing. Each call is bounded by what is left of the timeout; nothing is
 * retried.
 */
public final class AzureCheck extends StoreCheck<AzureLocation> {

  static final int LIST_PAGE = 1000;

  private final SourceType type;

  public AzureCheck(SourceType type) {
    this.type = type;
  }

  @Override
  protected AzureLocation locate(SourceConnection connection) {
    return AzureLocation.of(type, connection);
  }

  @Override
  protected CheckReport afterReach(
      AzureLocation location,
      Credentials credentials,
      Egress egress,
      Deadline deadline,
      CheckRun run) {
    AzureClients.Access access;
    try {
      access = AzureClients.access(credentials, location);
    } catch (IllegalArgumentException e) {
      return run.fail(AUTHENTICATE, e.getMessage());
    }
    try (AzureClients.Container container =
        AzureClients.open(location, access, egress.gate(), deadline)) {
      return open(container.client(), location, access, credentials, deadline, run)
          .orElseGet(() -> list(container.client(), location, credentials, deadline, run));
    }
  }

  /**
   * {@code authenticate} and {@code open bucket} from one signed request, a one-blob listing of the
   * container (what a container SAS with list permission may do; it may not read the container's
   * properties): a refused signature is a login failure; any other answer means the signature was
   * accepted, and says whether the container is there. A report when either failed.
   */
  private static Optional<CheckReport> open(
      BlobContainerClient container,
      AzureLocation location,
      AzureClients.Access access,
      Credentials credentials,
      Deadline deadline,
      CheckRun run) {
    String named = "container '" + location.container() + "'";
    RuntimeException failure = null;
    try {
      AzureBlobs.firstPage(container, "", null, 1, deadline);
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null && AzureErrors.isLogin(failure)) {
      return Optional.of(
          run.fail(AUTHENTICATE, AzureErrors.loginProblem(failure, access, location)));
    }
    if (failure != null && AzureErrors.code(failure).isEmpty()) {
      return Optional.of(
          run.fail(AUTHENTICATE, AzureErrors.describe(failure, deadline, credentials)));
    }
    run.pass(AUTHENTICATE, access.describe() + " accepted");
    if (failure == null) {
      run.pass(BUCKET, named + " is there");
      return Optional.empty();
    }
    String problem =
        switch (AzureErrors.status(failure)) {
          case 404 -> named + " does not exist";
          case 403 ->
              "these credentials may not list "
                  + named
                  + " ("
                  + AzureErrors.code(failure).orElse("?")
                  + ")";
          default -> named + ": " + AzureErrors.describe(failure, deadline, credentials);
        };
    return Optional.of(run.fail(BUCKET, problem));
  }

  private static CheckReport list(
      BlobContainerClient container,
      AzureLocation location,
      Credentials credentials,
      Deadline deadline,
      CheckRun run) {
    try {
      PagedResponse<BlobItem> page =
          AzureBlobs.firstPage(container, location.prefix(), null, LIST_PAGE, deadline);
      int blobs = page.getValue().size();
      String count =
          page.getContinuationToken() != null
              ? "more than " + blobs + " blobs"
              : blobs + (blobs == 1 ? " blob" : " blobs");
      return run.pass(LIST, count + " under " + location.describe()).report();
    } catch (RuntimeException e) {
      if (AzureErrors.status(e) == 403) {
        return run.fail(LIST, "may not list " + location.describe());
      }
      return run.fail(
          LIST,
          "cannot list "
              + location.describe()
              + ": "
              + AzureErrors.describe(e, deadline, credentials));
    }
  }
}
