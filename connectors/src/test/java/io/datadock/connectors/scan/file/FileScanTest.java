package io.datadock.connectors.scan.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestParquet;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScanTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path root;
  private final FileScanner scanner = new FileScanner();

  @BeforeEach
  void files() throws IOException {
    Files.writeString(
        root.resolve("customers.csv"),
        "\uFEFFid,name,\"e,mail\",\"say \"\"hi\"\"\"\r\n1,a,b,c\r\n");
    Files.writeString(root.resolve("notes.txt"), "not a dataset");
    Files.writeString(root.resolve(".hidden.csv"), "x\n");
    Path events = Files.createDirectories(root.resolve("events"));
    Files.writeString(
        events.resolve("clicks.json"),
        String.join(
            "\n",
            "{\"id\": 1, \"page\": \"/home\", \"meta\": null}",
            "{\"id\": 2, \"page\": \"/cart\", \"meta\": {\"k\": 1}, \"tags\": [\"a\"]}",
            "",
            "{\"id\": 3, \"page\": null, \"ok\": true}",
            ""));
    Path archive = Files.createDirectories(events.resolve("archive"));
    Files.writeString(
        archive.resolve("old.json"),
        "[{\"when\": \"2020-01-01\", \"n\": 1.5}, {\"when\": \"2020-01-02\", \"n\": 2}]");
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(archive.resolve("x.csv.gz")))) {
      gz.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(root.resolve("sales.parquet"), TestParquet.ordersFile());
  }

  @Test
  void everyFileOfAKnownFormatIsADatasetInItsFoldersCollection() {
    ScanResult result = scan(null, ScanFilter.all());

    assertThat(result.complete()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(result.datasets())
        .extracting(d -> d.collection() + "|" + d.name())
        .containsExactly(
            "events|clicks.json",
            "events/archive|old.json",
            "events/archive|x.csv.gz",
            "none|customers.csv",
            "none|sales.parquet");
    assertThat(result.datasets()).allMatch(d -> d.kind() == DatasetKind.FILE);
  }

  @Test
  void csvColumnsAreTheHeaderAsNullableStrings() {
    DatasetMeta csv = dataset(scan(null, ScanFilter.all()), "none", "customers.csv");

    assertThat(csv.columns())
        .containsExactly(
            new ColumnMeta("id", "string", true, 1),
            new ColumnMeta("name", "string", true, 2),
            new ColumnMeta("e,mail", "string", true, 3),
            new ColumnMeta("say \"hi\"", "string", true, 4));
    assertThat(csv.properties())
        .containsEntry("format", "csv")
        .containsEntry("path", root.resolve("customers.csv").toAbsolutePath().toString());
    assertThat(csv.rowEstimate()).isNull();

    DatasetMeta gzipped = dataset(scan(null, ScanFilter.all()), "events/archive", "x.csv.gz");
    assertThat(gzipped.columns()).extracting(ColumnMeta::name).containsExactly("a", "b");
    assertThat(gzipped.properties()).containsEntry("compression", "gzip");
  }

  @Test
  void jsonLinesColumnsAreTheUnionOfKeysInFirstSeenOrderWithTypes() {
    DatasetMeta json = dataset(scan(null, ScanFilter.all()), "events", "clicks.json");

    assertThat(json.columns())
        .containsExactly(
            new ColumnMeta("id", "number", false, 1),
            new ColumnMeta("page", "string", true, 2),
            new ColumnMeta("meta", "object", true, 3),
            new ColumnMeta("tags", "array", true, 4),
            new ColumnMeta("ok", "boolean", true, 5));
    assertThat(json.properties()).containsEntry("format", "json");
  }

  @Test
  void aJsonArrayOfObjectsIsReadToo() {
    DatasetMeta json = dataset(scan(null, ScanFilter.all()), "events/archive", "old.json");

    assertThat(json.columns())
        .containsExactly(
            new ColumnMeta("when", "string", false, 1), new ColumnMeta("n", "number", false, 2));
  }

  @Test
  void parquetColumnsComeFromTheFooter() {
    DatasetMeta parquet = dataset(scan(null, ScanFilter.all()), "none", "sales.parquet");

    assertThat(parquet.columns())
        .containsExactly(
            new ColumnMeta("id", "INT64", false, 1),
            new ColumnMeta("name", "BYTE_ARRAY (STRING)", true, 2),
            new ColumnMeta("amount", "INT32 (DECIMAL(9,2))", true, 3),
            new ColumnMeta("address", "group", true, 4),
            new ColumnMeta("tag", "BYTE_ARRAY (UTF8)", false, 5));
    assertThat(parquet.rowEstimate()).isEqualTo(42L);
    assertThat(parquet.properties()).containsEntry("format", "parquet");
  }

  @Test
  void theFormatFieldKeepsOnlyItsFiles() {
    assertThat(scan("csv", ScanFilter.all()).datasets())
        .extracting(DatasetMeta::name)
        .containsExactly("x.csv.gz", "customers.csv");
    assertThat(scan("avro", ScanFilter.all()).errors())
        .containsExactly("unknown format 'avro' (csv, json, parquet)");
  }

  @Test
  void theFilterAppliesToFoldersAndFiles() {
    ScanFilter filter =
        ScanFilter.fromJson(
            "{\"collections\": {\"exclude\": [\"events/archive\"]},"
                + " \"datasets\": {\"exclude\": [\".*\\\\.parquet\"]}}");

    assertThat(scan(null, filter).datasets())
        .extracting(d -> d.collection() + "|" + d.name())
        .containsExactly("events|clicks.json", "none|customers.csv");
  }

  @Test
  void anUnreadableFileIsAnErrorAndTheRestIsStillRead() throws IOException {
    Files.writeString(root.resolve("events").resolve("broken.json"), "{\"id\": 1,,}\n");
    Files.createSymbolicLink(root.resolve("gone.csv"), root.resolve("nowhere.csv"));
    Files.write(
        root.resolve("fake.parquet"), "not parquet at all".getBytes(StandardCharsets.UTF_8));

    ScanResult result = scan(null, ScanFilter.all());

    assertThat(result.complete()).isFalse();
    assertThat(result.errors())
        .hasSize(3)
        .anySatisfy(e -> assertThat(e).startsWith("cannot read events/broken.json: Unexpected"))
        .contains(
            "cannot read gone.csv: no such file",
            "cannot read fake.parquet: not a Parquet file (no PAR1 at its end)");
    assertThat(result.datasets()).extracting(DatasetMeta::name).contains("customers.csv");
    assertThat(result.datasets())
        .extracting(DatasetMeta::name)
        .doesNotContain("broken.json", "gone.csv", "fake.parquet");
  }

  @Test
  void aFileWithoutReadPermissionIsAnError() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file anyway");
    Path locked = root.resolve("locked.csv");
    Files.writeString(locked, "a\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    ScanResult result = scan(null, ScanFilter.all());

    assertThat(result.complete()).isFalse();
    assertThat(result.errors()).containsExactly("cannot read locked.csv: permission denied");
  }

  @Test
  void aLinkLeadingOutOfTheRootsIsNeitherListedNorRead(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret.csv"), "password\nhunter2\n");
    Files.createSymbolicLink(root.resolve("leak.csv"), outside.resolve("secret.csv"));
    Files.createSymbolicLink(root.resolve("inside.csv"), root.resolve("customers.csv"));

    ScanResult result = scan("csv", ScanFilter.all());

    assertThat(result.datasets()).extracting(DatasetMeta::name).doesNotContain("leak.csv");
    assertThat(result.datasets()).extracting(DatasetMeta::name).contains("inside.csv");
    assertThat(result.errors())
        .containsExactly("not followed: leak.csv leads outside the allowed file roots");
    assertThat(result.toString()).doesNotContain("hunter2");
  }

  @Test
  void aPathOutsideTheRootsIsAFailure(@TempDir Path outside) throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("way-out"), outside);

    assertThat(scanPath(outside.toString()))
        .isEqualTo(ScanResult.failure("path " + outside + " is outside the allowed file roots"));
    assertThat(scanPath(link.toString()))
        .isEqualTo(ScanResult.failure("path " + link + " is outside the allowed file roots"));
    assertThat(scanPath(root.resolve("..").toString()).errors().get(0))
        .endsWith("is outside the allowed file roots");
  }

  @Test
  void aMissingPathOrAFileIsAFailure() {
    Path missing = root.resolve("nope");
    assertThat(scanPath(missing.toString()))
        .isEqualTo(ScanResult.failure("path " + missing + " does not exist"));
    assertThat(scanPath(root.resolve("customers.csv").toString()).errors().get(0))
        .endsWith("is not a directory");
    assertThat(scanPath(null).errors()).containsExactly("the connection has no 'path'");
  }

  private ScanResult scan(String format, ScanFilter filter) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("path", root.toString());
    fields.put("format", format);
    return scanner.scan(
        new SourceConnection("file", fields),
        Credentials.none(),
        filter,
        TIMEOUT,
        TestEgress.local(root));
  }

  private ScanResult scanPath(String path) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("path", path);
    return scanner.scan(
        new SourceConnection("file", fields),
        Credentials.none(),
        ScanFilter.all(),
        TIMEOUT,
        TestEgress.local(root));
  }

  private static DatasetMeta dataset(ScanResult result, String collection, String name) {
    return result.datasets().stream()
        .filter(d -> d.collection().equals(collection) && d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + collection + "/" + name + " in " + result));
  }
}
