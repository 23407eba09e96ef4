package io.datadock.connectors.objectstore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.util.Context;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.egress.EgressDeniedException;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.core.manifest.depot.SourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Azure SDK's requests go through the {@link GatedHttpClient}, which asks the egress gate for
 * every host: with Azure's default endpoint and a resolver that answers a metadata address, the
 * call fails with the policy's message and nothing is connected (the resolver is a stub: no name is
 * looked up, no packet leaves). And where a depot's fields point.
 */
class AzureClientsTest {

  private static final String KEY = "c2VjcmV0LWtleS1vZi10aGUtdGVzdA==";

  @Test
  void theSdksRequestsResolveThroughTheEgressGate() throws Exception {
    List<String> asked = new ArrayList<>();
    EgressGate gate = TestEgress.answeringMetadataAddress(asked);
    AzureLocation azure =
        location(SourceType.ABFSS, Map.of("endpointSuffix", "dfs.core.windows.net"));
    AzureClients.Access access =
        AzureClients.access(
            new Credentials(Map.of("azurestorageaccountkey", KEY), Map.of()), azure);

    Throwable failure;
    try (AzureClients.Container container =
        AzureClients.open(azure, access, gate, Deadline.after(Duration.ofSeconds(2)))) {
      failure =
          catchThrowable(
              () ->
                  container
                      .client()
                      .getPropertiesWithResponse(null, Duration.ofSeconds(2), Context.NONE));
    }

    assertThat(asked).containsExactly("lakeacct.blob.core.windows.net");
    assertThat(EgressDeniedException.messageIn(failure))
        .get()
        .asString()
        .startsWith("egress denied");
  }

  @Test
  void bothTypesGoThroughTheBlobEndpointOfTheirCloudOrThroughTheDepotsEndpointPathStyle() {
    AzureLocation china =
        location(SourceType.WASBS, Map.of("endpointSuffix", "blob.core.chinacloudapi.cn"));
    AzureLocation emulator =
        location(
            SourceType.ABFSS, Map.of("endpoint", "http://127.0.0.1:10000", "relativePath", "/a/b"));

    assertThat(location(SourceType.WASBS, Map.of()).serviceUrl())
        .hasToString("https://lakeacct.blob.core.windows.net");
    assertThat(china.host()).isEqualTo("lakeacct.blob.core.chinacloudapi.cn");
    assertThat(china.port()).isEqualTo(443);
    assertThat(emulator.serviceUrl()).hasToString("http://127.0.0.1:10000/lakeacct");
    assertThat(emulator.port()).isEqualTo(10000);
    assertThat(emulator.describe()).isEqualTo("abfss://raw@lakeacct/a/b/");
  }

  @Test
  void unusableFieldsAreRefusedNamingTheFieldWithoutQuotingIt() {
    assertThat(catchThrowable(() -> location(SourceType.ABFSS, Map.of("account", "Bad.Acct/x"))))
        .hasMessageStartingWith("account must be")
        .hasMessageNotContaining("Bad.Acct");
    assertThat(catchThrowable(() -> location(SourceType.ABFSS, Map.of("container", "a--b"))))
        .hasMessageStartingWith("container must be");
    assertThat(
            catchThrowable(
                () -> location(SourceType.WASBS, Map.of("endpoint", "http://u:pw@127.0.0.1:1"))))
        .hasMessageStartingWith("endpoint must")
        .hasMessageNotContaining("pw");
  }

  @Test
  void theSecretNeedsABase64KeyOrASasTokenForTheDepotsAccount() {
    AzureLocation azure = location(SourceType.WASBS, Map.of());

    assertThat(catchThrowable(() -> AzureClients.access(Credentials.none(), azure)))
        .hasMessage("the secret has no 'azurestorageaccountkey' (or 'azurestoragesastoken')");
    assertThat(
            catchThrowable(
                () ->
                    AzureClients.access(
                        new Credentials(Map.of("azurestorageaccountkey", "not base64!"), Map.of()),
                        azure)))
        .hasMessage("the secret's 'azurestorageaccountkey' is not base64");
    assertThat(
            catchThrowable(
                () ->
                    AzureClients.access(
                        new Credentials(
                            Map.of(
                                "azurestorageaccountname", "other", "azurestorageaccountkey", KEY),
                            Map.of()),
                        azure)))
        .hasMessage("the secret's 'azurestorageaccountname' is not the depot's account 'lakeacct'");
    assertThat(
            AzureClients.access(
                    new Credentials(Map.of("azurestoragesastoken", "?sv=1&sig=x"), Map.of()), azure)
                .sasToken())
        .isEqualTo("sv=1&sig=x");
  }

  private static AzureLocation location(SourceType type, Map<String, Object> fields) {
    Map<String, Object> all =
        new java.util.HashMap<>(Map.of("account", "lakeacct", "container", "raw"));
    all.putAll(fields);
    return AzureLocation.of(type, new SourceConnection(type.canonical(), all));
  }
}
