package io.datadock.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFilesTest {

  @TempDir Path dir;

  @Test
  void aMultiDocumentFileIsSplitAndEmptyDocumentsSkipped() throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(
        file, "---\nname: a\nversion: v2alpha\ntype: secret\n---\n---\nname: b\ntype: depot\n");
    List<ManifestDocument> docs = ManifestFiles.read(file, false, null);
    assertThat(docs).extracting(ManifestDocument::name).containsExactly("a", "b");
    assertThat(docs.get(0).id()).isEqualTo("a:v2alpha:secret");
  }

  @Test
  void aDirectoryIsReadFlatOrRecursivelyYamlOnly() throws Exception {
    Files.writeString(dir.resolve("b.yml"), "name: b\n");
    Files.writeString(dir.resolve("a.yaml"), "name: a\n");
    Files.writeString(dir.resolve("notes.txt"), "name: ignored\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.yaml"), "name: c\n");

    assertThat(ManifestFiles.read(dir, false, null))
        .extracting(ManifestDocument::name)
        .containsExactly("a", "b");
    assertThat(ManifestFiles.read(dir, true, null))
        .extracting(ManifestDocument::name)
        .containsExactly("a", "b", "c");
  }

  @Test
  void interpolationHappensBeforeParsing() throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, "name: ${NAME}\n");
    assertThat(ManifestFiles.read(file, false, new Interpolator(Map.of("NAME", "x"))))
        .extracting(ManifestDocument::name)
        .containsExactly("x");
  }

  @Test
  void aSecretsUnquotedDataIsReSentAsWritten() throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        "name: s\nversion: v1\ntype: instance-secret\ninstance-secret:\n  type: key-value\n"
            + "  acl: r\n  data:\n    password: ${PW}\n    port: 5432\n    on: yes\n"
            + "    exp: 1e3\n    t: 12:30\n    d: 2024-01-01\n    f: 1.10\n"
            + "  other: {port: 5432}\n");
    ManifestDocument doc =
        ManifestFiles.read(file, false, new Interpolator(Map.of("PW", "0777"))).get(0);

    @SuppressWarnings("unchecked")
    Map<String, Object> block = (Map<String, Object>) doc.body().get("instance-secret");
    assertThat(block.get("data"))
        .isEqualTo(
            Map.of(
                "password", "0777",
                "port", "5432",
                "on", "yes",
                "exp", "1e3",
                "t", "12:30",
                "d", "2024-01-01",
                "f", "1.10"));
    assertThat(block.get("other")).isEqualTo(Map.of("port", 5432));
    // what the CLI sends reads back the same
    assertThat(ManifestFiles.parse(file, doc.toYaml()).get(0).body()).isEqualTo(doc.body());
    assertThat(doc.toYaml()).contains("password: '0777'");
  }

  @Test
  void aMissingPathOrANonMappingIsAnError() throws Exception {
    assertThatThrownBy(() -> ManifestFiles.read(dir.resolve("nope.yaml"), false, null))
        .hasMessageContaining("nope.yaml");
    Path file = dir.resolve("list.yaml");
    Files.writeString(file, "- a\n- b\n");
    assertThatThrownBy(() -> ManifestFiles.read(file, false, null))
        .hasMessageContaining("not a mapping");
  }

  @Test
  void secretFilesNamingAFileAreSentAsBase64Content() throws Exception {
    Files.createDirectories(dir.resolve("certs"));
    Files.writeString(dir.resolve("certs/ca.pem"), "-----BEGIN CERT-----\n");
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        "name: s\nversion: v2alpha\ntype: secret\nsecret:\n  type: certificates\n"
            + "  files:\n    ca: certs/ca.pem\n    inline: aGVsbG8=\n");
    ManifestDocument doc = ManifestFiles.read(file, false, null).get(0);
    SecretFiles.inline(doc);
    @SuppressWarnings("unchecked")
    Map<String, Object> files =
        (Map<String, Object>) ((Map<String, Object>) doc.body().get("secret")).get("files");
    assertThat(files.get("ca"))
        .isEqualTo(Base64.getEncoder().encodeToString("-----BEGIN CERT-----\n".getBytes()));
    assertThat(files.get("inline")).isEqualTo("aGVsbG8=");
  }
}
