package io.datadock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.datadock.schemas.common.SealedPayload;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretKey;
import io.datadock.schemas.secret.SecretSpec;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class AvroSingleObjectCodecTest {

  private final RecordCodec<SecretCommand> codec = AvroSingleObjectCodec.of(SecretCommand.class);

  @Test
  void roundTripsTheCurrentSchemaWithItsFingerprintInFront() {
    SecretCommand command = command();

    byte[] bytes = codec.encode(command);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = SchemaNormalization.parsingFingerprint64(SecretCommand.getClassSchema());
    assertThat(ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong())
        .isEqualTo(fingerprint);
    assertThat(codec.decode(bytes)).isEqualTo(command);
  }

  private static Schema v1() {
    return SchemaHistory.versionsOf(SecretCommand.getClassSchema().getFullName()).get(0);
  }

  /** A delete as the first schema version wrote it. */
  private static GenericRecord oldCommand() {
    Schema v1 = v1();
    GenericRecord old = new GenericData.Record(v1);
    old.put("commandId", "c-1");
    old.put("resourceKey", "t/secret/x");
    old.put("action", new GenericData.EnumSymbol(v1.getField("action").schema(), "DELETE"));
    old.put("issuedBy", "alice");
    old.put("issuedAt", 42L);
    old.put("spec", null);
    old.put("force", true);
    return old;
  }

  @Test
  void aRecordWrittenWithThePreviousSchemaVersionStillReads() {
    assertThat(v1().getField("expectedResourceVersion")).isNull();
    byte[] written =
        toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1()), oldCommand());

    SecretCommand read = codec.decode(written);

    assertThat(read.getCommandId()).isEqualTo("c-1");
    assertThat(read.getAction()).isEqualTo(SecretAction.DELETE);
    assertThat(read.getForce()).isTrue();
    assertThat(read.getExpectedResourceVersion()).isNull();
  }

  @Test
  void aThreadThatDecodedIsNotKeptOnceItHasEnded() throws Exception {
    byte[] previousVersion =
        toBytes(new BinaryMessageEncoder<>(GenericData.get(), v1()), oldCommand());
    byte[] current = codec.encode(command());

    awaitCollectedOnceEnded(
        new Thread(
            () -> {
              codec.decode(previousVersion);
              codec.decode(current);
            }));

    assertThat(codec.decode(previousVersion).getCommandId()).isEqualTo("c-1");
  }

  /** Runs the thread to its end, then waits until nothing keeps it. */
  private static void awaitCollectedOnceEnded(Thread thread) throws InterruptedException {
    thread.start();
    thread.join();
    WeakReference<Thread> ended = new WeakReference<>(thread);
    thread = null; // the frame's last strong reference to it

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              System.gc();
              return ended.get() == null;
            });
  }

  /**
   * The records a command holds (its spec, the sealed payload) are first met by a decode on a
   * thread that then ends, as a Kafka Streams thread ends when a replay closes its app. Classes
   * loaded afresh, so that no earlier test has initialized them.
   */
  @Test
  void aThreadThatFirstMetANestedRecordIsNotKeptOnceItHasEnded() throws Exception {
    byte[] current = codec.encode(command());
    try (FreshSchemaClasses fresh = new FreshSchemaClasses()) {
      Class<?> codecType = fresh.loadClass(AvroSingleObjectCodec.class.getName());
      Object freshCodec =
          codecType
              .getMethod("of", Class.class)
              .invoke(null, fresh.loadClass(SecretCommand.class.getName()));
      Method decode = codecType.getMethod("decode", byte[].class);

      awaitCollectedOnceEnded(
          new Thread(
              () -> {
                try {
                  decode.invoke(freshCodec, (Object) current);
                } catch (ReflectiveOperationException e) {
                  throw new IllegalStateException(e);
                }
              }));

      assertThat(decode.invoke(freshCodec, (Object) current).toString()).contains("c-2");
    }
  }

  /** Loads the generated classes and Avro itself anew, everything else from the test's loader. */
  private static final class FreshSchemaClasses extends URLClassLoader {

    FreshSchemaClasses() {
      super(
          new URL[] {location(AvroSingleObjectCodec.class), location(Schema.class)},
          AvroSingleObjectCodecTest.class.getClassLoader());
    }

    private static URL location(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.datadock.schemas.") && !name.startsWith("org.apache.avro.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }

  @Test
  void aKeyAnnouncementFromBeforeSigningReadsAsUnsigned() {
    Schema v1 = SchemaHistory.versionsOf(SecretKey.getClassSchema().getFullName()).get(0);
    GenericRecord old = new GenericData.Record(v1);
    old.put("keyId", "k-1");
    old.put("algorithm", "HPKE-X25519-HKDF-SHA256-AES256GCM");
    old.put("publicKey", ByteBuffer.wrap(new byte[32]));
    old.put("state", new GenericData.EnumSymbol(v1.getField("state").schema(), "ACTIVE"));
    old.put("createdAt", 7L);
    byte[] written = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1), old);

    SecretKey read = AvroSingleObjectCodec.of(SecretKey.class).decode(written);

    assertThat(read.getKeyId()).isEqualTo("k-1");
    assertThat(read.getState()).isEqualTo(KeyState.ACTIVE);
    assertThat(read.getSigningKey()).isNull();
    assertThat(read.getSignature()).isNull();
  }

  @Test
  void unknownBytesFailWithoutEchoingThem() {
    byte[] garbage = "password=hunter2".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(garbage))
        .isInstanceOf(RecordCodecException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void everyTopicIsDeclaredOnceWithADistinctName() {
    List<String> names = Topics.ALL.stream().map(t -> t.name(Topics.DEFAULT_PREFIX)).toList();
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.startsWith("datadock."));
  }

  private static byte[] toBytes(BinaryMessageEncoder<GenericRecord> encoder, GenericRecord record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SecretCommand command() {
    return SecretCommand.newBuilder()
        .setCommandId("c-2")
        .setResourceKey("t/secret/x")
        .setAction(SecretAction.APPLY)
        .setIssuedBy("alice")
        .setIssuedAt(42L)
        .setExpectedResourceVersion(7L)
        .setSpec(
            SecretSpec.newBuilder()
                .setName("x")
                .setManifestVersion("v2alpha")
                .setKind("secret")
                .setSecretType("key-value")
                .setTenant("t")
                .setOwner("alice")
                .setDataKeys(List.of("password"))
                .setSealed(
                    SealedPayload.newBuilder()
                        .setKeyId("k-1")
                        .setEnc(ByteBuffer.wrap(new byte[32]))
                        .setNonce(ByteBuffer.wrap(new byte[12]))
                        .setCiphertext(ByteBuffer.wrap(new byte[16]))
                        .build())
                .build())
        .build();
  }
}
