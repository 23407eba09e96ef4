package io.datadock.depot.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckStep;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.StepStatus;
import io.datadock.connectors.egress.Cidr;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.FileRoots;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.runtime.resolution.CredentialResolutionClient;
import io.datadock.schemas.depot.DepotCheckStep;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.depot.ValidationResult;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

  private static final String SECRET = "t/secret/pg-cred";

  private final AtomicReference<Credentials> seen = new AtomicReference<>();

  private final ConnectionCheck passing =
      (connection, credentials, timeout, egress) -> {
        seen.set(credentials);
        assertThat(connection.integer("port")).isEqualTo(5432);
        return new CheckReport(
            List.of(new CheckStep("authenticate", StepStatus.PASSED, "authenticated")));
      };

  /** Host "db" is 127.0.0.1 and "denied-db" 127.0.0.2, denied: decisions only, no DNS. */
  private final Egress egress =
      new Egress(
          new EgressGate(
              EgressPolicy.of(
                  EgressPolicy.Mode.LOCAL,
                  List.of(),
                  List.of(Cidr.parse("127.0.0.2/32")),
                  new PlatformEndpoints()),
              host ->
                  new InetAddress[] {
                    InetAddress.getByAddress(
                        host, new byte[] {127, 0, 0, (byte) (host.equals("db") ? 1 : 2)})
                  }),
          FileRoots.of(List.of()));

  private CheckRunner runner(CredentialResolver resolver, ConnectionCheck check) {
    return new CheckRunner(
        resolver,
        type -> type == SourceType.POSTGRES ? Optional.of(check) : Optional.empty(),
        egress,
        Duration.ofSeconds(10),
        Clock.systemUTC());
  }

  private static ValidationRequest request(String type, String secret, List<String> keys) {
    return request(type, "db", secret, keys);
  }

  private static ValidationRequest request(
      String type, String host, String secret, List<String> keys) {
    return ValidationRequest.newBuilder()
        .setDepotKey("t/depot/d")
        .setCheckId(3)
        .setSourceType(type)
        .setConnection("{\"host\":\"" + host + "\",\"port\":5432}")
        .setCredentialSecret(secret)
        .setCredentialPurpose(secret == null ? null : "rw")
        .setCredentialKeys(keys)
        .setReason("applied")
        .setRequestedAt(0)
        .build();
  }

  @Test
  void resolvesTheCredentialsThenRunsTheLiveCheck() {
    ValidationResult result =
        runner(
                (secret, purpose, depot) -> {
                  assertThat(depot).isEqualTo("t/depot/d");
                  return new Credentials(Map.of("username", "u", "password", "p"), Map.of());
                },
                passing)
            .run(request("postgres", SECRET, List.of()));

    assertThat(result.getPassed()).isTrue();
    assertThat(result.getVerified()).isTrue();
    assertThat(result.getCheckId()).isEqualTo(3);
    assertThat(result.getSteps())
        .extracting(DepotCheckStep::getName, DepotCheckStep::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("resolve credentials", "passed"),
            org.assertj.core.groups.Tuple.tuple("authenticate", "passed"));
    assertThat(result.toString()).doesNotContain("\"p\"");
  }

  @Test
  void onlyTheReferencedKeysReachTheCheck() {
    runner(
            (s, p, d) ->
                new Credentials(Map.of("username", "u", "password", "p", "other", "x"), Map.of()),
            passing)
        .run(request("postgres", SECRET, List.of("username", "password")));

    assertThat(seen.get().data()).containsOnlyKeys("username", "password");
  }

  @Test
  void theSecretsFilesReachTheCheckNamedButNeverShownAndKeysSelectThem() {
    byte[] ca = "CA-CONTENT-MARKER".getBytes();
    CredentialResolver withFiles =
        (s, p, d) ->
            new Credentials(
                Map.of("username", "u", "password", "p"),
                Map.of("sslrootcert", ca, "json_keyfile", new byte[] {1}));

    ValidationResult all = runner(withFiles, passing).run(request("postgres", SECRET, List.of()));
    assertThat(seen.get().files()).containsOnlyKeys("sslrootcert", "json_keyfile");
    assertThat(seen.get().files().get("sslrootcert")).isEqualTo(ca);
    assertThat(all.getSteps().get(0).getMessage()).contains("files [").contains("sslrootcert");
    assertThat(all.toString()).doesNotContain("CA-CONTENT-MARKER");

    runner(withFiles, passing)
        .run(request("postgres", SECRET, List.of("username", "password", "sslrootcert")));
    assertThat(seen.get().data()).containsOnlyKeys("username", "password");
    assertThat(seen.get().files()).containsOnlyKeys("sslrootcert");
  }

  @Test
  void aRefusedResolutionFailsTheFirstStepAndRunsNoCheck() {
    ValidationResult result =
        runner(
                (s, p, d) -> {
                  throw new CredentialResolutionClient.ResolutionException(
                      "secret-service refused (403)");
                },
                passing)
            .run(request("postgres", SECRET, List.of()));

    assertThat(result.getPassed()).isFalse();
    assertThat(result.getSteps()).hasSize(1);
    assertThat(result.getSteps().get(0).getMessage()).isEqualTo("secret-service refused (403)");
    assertThat(seen.get()).isNull();
  }

  @Test
  void aTypeWithoutALiveCheckPassesUnverifiedAndSaysSo() {
    ValidationResult result =
        runner((s, p, d) -> Credentials.none(), passing)
            .run(request("snowflake", SECRET, List.of()));

    assertThat(result.getPassed()).isTrue();
    assertThat(result.getVerified()).isFalse();
    assertThat(result.getSteps().get(1).getMessage())
        .isEqualTo("connection not verified: no live check for snowflake");
  }

  @Test
  void aCheckThatThrowsFailsWithoutEchoingItsMessage() {
    ConnectionCheck throwing =
        (c, creds, t, e) -> {
          throw new IllegalStateException("jdbc:postgresql://db?password=hunter2");
        };
    ValidationResult result =
        runner((s, p, d) -> Credentials.none(), throwing)
            .run(request("postgres", SECRET, List.of()));

    assertThat(result.getPassed()).isFalse();
    assertThat(result.toString()).doesNotContain("hunter2");
  }

  @Test
  void aSourceWithoutSecretsSkipsResolution() {
    ValidationResult result =
        runner(
                (s, p, d) -> {
                  throw new AssertionError("nothing to resolve");
                },
                passing)
            .run(request("postgres", null, List.of()));

    assertThat(result.getSteps().get(0).getStatus()).isEqualTo("skipped");
    assertThat(result.getPassed()).isTrue();
  }

  @Test
  void aDeniedAddressFailsAtReachHostBeforeAnyCredentialIsResolved() {
    ValidationResult result =
        runner(
                (s, p, d) -> {
                  throw new AssertionError("resolved credentials for a denied address");
                },
                (c, creds, t, e) -> {
                  throw new AssertionError("ran the check of a denied address");
                })
            .run(request("postgres", "denied-db", SECRET, List.of()));

    assertThat(result.getPassed()).isFalse();
    assertThat(result.getVerified()).isTrue();
    assertThat(result.getSteps())
        .extracting(DepotCheckStep::getName, DepotCheckStep::getStatus, DepotCheckStep::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "reach host", "failed", "egress denied: 127.0.0.2 is in 127.0.0.2/32"),
            org.assertj.core.groups.Tuple.tuple(
                "resolve credentials", "skipped", "skipped: an earlier step failed"));
  }

  @Test
  void aFilePathOutsideTheRootsFailsAtReachHost() {
    ValidationRequest request =
        ValidationRequest.newBuilder(request("file", null, List.of()))
            .setConnection("{\"path\":\"/etc\"}")
            .build();

    ValidationResult result =
        new CheckRunner(
                (s, p, d) -> Credentials.none(),
                type ->
                    Optional.of(
                        (c, creds, t, e) -> {
                          throw new AssertionError("ran the check of a path outside the roots");
                        }),
                egress,
                Duration.ofSeconds(10),
                Clock.systemUTC())
            .run(request);

    assertThat(result.getPassed()).isFalse();
    assertThat(result.getSteps().get(0).getMessage())
        .isEqualTo("path /etc is outside the allowed file roots");
  }
}
