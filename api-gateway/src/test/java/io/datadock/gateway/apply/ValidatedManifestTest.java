package io.datadock.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestLimits;
import io.datadock.core.manifest.ManifestParser;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.gateway.apply.ValidatedManifest.DepotDocument;
import io.datadock.gateway.apply.ValidatedManifest.SecretDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatedManifestTest {

  private static final String SECRET =
      """
      name: pg-cred
      version: v2alpha
      type: secret
      secret:
        type: key-value
        data: {username: u, password: p}
      """;

  private static final String DEPOT =
      """
      name: snowflake-sales
      version: v2alpha
      type: depot
      layer: user
      spec:
        type: snowflake
        spec: {url: https://acme.snowflakecomputing.com, database: SALES_DB, warehouse: WH, role: R}
        secrets:
          - {id: "acme:pg-cred", purpose: rw}
      """;

  private final ManifestParser parser = new ManifestParser(ManifestLimits.defaults());
  private final ApplyContext context = new ApplyContext("alice", "acme", null, null);

  private List<Map<String, Object>> documents(String yaml) {
    return parser.parse(yaml, false);
  }

  @Test
  void aSecretIsASecretDocumentWithItsKeyVersionAndIntent() {
    ValidatedManifest m = ValidatedManifest.of(documents(SECRET).get(0), context);

    assertThat(m).isInstanceOf(SecretDocument.class);
    assertThat(m.key().toString()).isEqualTo("acme/secret/pg-cred");
    assertThat(m.version()).isEqualTo("v2alpha");
    assertThat(m.intent().owner()).isEqualTo("alice");
    assertThat(m.intent().sourceType()).isNull();
  }

  @Test
  void aDepotIsADepotDocumentWhoseIntentNamesItsSourceType() {
    ValidatedManifest m = ValidatedManifest.of(documents(DEPOT).get(0), context);

    assertThat(m).isInstanceOf(DepotDocument.class);
    assertThat(m.key().toString()).isEqualTo("acme/depot/snowflake-sales");
    assertThat(((DepotDocument) m).manifest().name()).isEqualTo("snowflake-sales");
    assertThat(m.intent().sourceType()).isEqualTo(SourceType.lookup("snowflake").orElseThrow());
    assertThat(m.intent().sourceTypeField()).isEqualTo("spec.type");
  }

  @Test
  void everyDocumentIsValidatedInOrder() {
    List<ValidatedManifest> all =
        ValidatedManifest.all(documents(SECRET + "---\n" + DEPOT), context);

    assertThat(all).hasExactlyElementsOfTypes(SecretDocument.class, DepotDocument.class);
  }

  @Test
  void aBadDocumentAmongSeveralIsNamedByItsPosition() {
    String bad = DEPOT.replace("type: depot", "type: bucket");

    assertThatThrownBy(() -> ValidatedManifest.all(documents(SECRET + "---\n" + bad), context))
        .isInstanceOfSatisfying(
            DatadockException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
              assertThat(e.field()).isEqualTo("type");
              assertThat(e).hasMessageStartingWith("document 2: unknown type 'bucket'");
            });
  }

  @Test
  void aSingleBadDocumentKeepsItsMessage() {
    assertThatThrownBy(
            () ->
                ValidatedManifest.all(
                    documents(SECRET.replace("type: secret", "type: bucket")), context))
        .isInstanceOf(DatadockException.class)
        .hasMessageStartingWith("unknown type 'bucket'");
  }
}
