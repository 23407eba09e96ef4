package io.datadock.connectors.objectstore.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import java.io.IOException;
import java.util.Base64;

/**
 * The Azure Blob client of one depot's container, shared by the check and the scanner: the secret's
 * account key or SAS token only (never the SDK's environment or managed identity), the location's
 * service URL, no retries (the caller's deadline rules), and the {@link GatedHttpClient}, which
 * decides every host with the {@link EgressGate}.
 */
final class AzureClients {

  static final String ACCOUNT_KEY = "azurestorageaccountkey";
  static final String SAS_TOKEN = "azurestoragesastoken";
  static final String ACCOUNT_NAME = "azurestorageaccountname";

  /** How requests are signed: with the account key, else with a SAS token. */
  record Access(String accountKey, String sasToken) {
    boolean byKey() {
      return accountKey != null;
    }

    String describe() {
      return byKey() ? "the account key" : "the SAS token";
    }
  }

  /** A container client and the HTTP client under it, closed together. */
  record Container(BlobContainerClient client, GatedHttpClient http) implements AutoCloseable {
    @Override
    public void close() {
      try {
        http.close();
      } catch (IOException e) {
        // nothing is left to release: the connections are closed with the pool either way
      }
    }
  }

  private AzureClients() {}

  /**
   * @throws IllegalArgumentException naming what is missing or wrong in the secret, never quoting a
   *     value
   */
  static Access access(Credentials credentials, AzureLocation location) {
    String named = credentials.get(ACCOUNT_NAME);
    if (named != null && !named.isBlank() && !named.strip().equals(location.account())) {
      throw new IllegalArgumentException(
          "the secret's '"
              + ACCOUNT_NAME
              + "' is not the depot's account '"
              + location.account()
              + "'");
    }
    String key = credentials.get(ACCOUNT_KEY);
    if (key != null && !key.isBlank()) {
      try {
        Base64.getDecoder().decode(key.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the secret's '" + ACCOUNT_KEY + "' is not base64");
      }
      return new Access(key.strip(), null);
    }
    String sas = credentials.get(SAS_TOKEN);
    if (sas != null && !sas.isBlank()) {
      String token = sas.strip();
      return new Access(null, token.startsWith("?") ? token.substring(1) : token);
    }
    throw new IllegalArgumentException(
        "the secret has no '" + ACCOUNT_KEY + "' (or '" + SAS_TOKEN + "')");
  }

  static Container open(AzureLocation location, Access access, EgressGate gate, Deadline deadline) {
    GatedHttpClient http = new GatedHttpClient(gate, location.port(), deadline);
    BlobContainerClientBuilder builder =
        new BlobContainerClientBuilder()
            .endpoint(location.serviceUrl().toString())
            .containerName(location.container())
            .httpClient(http)
            .retryOptions(
                new RequestRetryOptions(
                    RetryPolicyType.FIXED, 1, (Integer) null, null, null, null));
    if (access.byKey()) {
      builder.credential(new StorageSharedKeyCredential(location.account(), access.accountKey()));
    } else {
      builder.sasToken(access.sasToken());
    }
    return new Container(builder.buildClient(), http);
  }
}
