package io.datadock.core.crypto;

import io.datadock.schemas.GeneratedClasses;
import io.datadock.schemas.TrustedSpecificData;
import io.datadock.schemas.common.SecretPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The plaintext inside a sealed payload: a secret's data and files as an Avro {@link SecretPayload}
 * in binary encoding, with keys sorted so that equal contents always encode to equal bytes. That
 * lets secret-service tell "unchanged" from "changed" by comparing encodings, in constant time,
 * without looking at the values.
 */
public final class SecretPayloads {

  // Built once: a datum writer or reader built per payload (its schema walk, the fast reader's
  // plan) cost more than the encoding itself, on every apply in the gateway and in secret-service.
  // Avro's writers hold no state between writes; a reader and its decoder are kept per thread.
  static {
    GeneratedClasses.initialize(SecretPayload.class); // so a stream thread is not kept by it
  }

  private static final SpecificDatumWriter<SecretPayload> WRITER =
      new SpecificDatumWriter<>(SecretPayload.getClassSchema(), TrustedSpecificData.get());
  private static final ThreadLocal<Reader> READERS = ThreadLocal.withInitial(Reader::new);

  private static final class Reader {
    final SpecificDatumReader<SecretPayload> datumReader =
        new SpecificDatumReader<>(
            SecretPayload.getClassSchema(),
            SecretPayload.getClassSchema(),
            TrustedSpecificData.get());
    BinaryDecoder decoder;
  }

  /**
   * Decoded contents, sorted by key. Its toString names keys only, so logging one by accident leaks
   * nothing (the maps themselves still print values: do not log them).
   */
  public record Decoded(SortedMap<String, String> data, SortedMap<String, byte[]> files) {
    @Override
    public String toString() {
      return "SecretPayload[data=" + data.keySet() + ", files=" + files.keySet() + "]";
    }
  }

  private SecretPayloads() {}

  /**
   * The canonical encoding of a secret's contents; the maps' own order does not matter.
   *
   * @throws NullPointerException when a key or value is null (the message names the key only)
   */
  public static byte[] encode(Map<String, String> data, Map<String, byte[]> files) {
    Map<String, String> sortedData = new TreeMap<>();
    data.forEach((k, v) -> sortedData.put(requireKey(k, "data"), requireValue(v, "data", k)));
    Map<String, ByteBuffer> fileBuffers = new TreeMap<>();
    files.forEach(
        (k, v) ->
            fileBuffers.put(requireKey(k, "files"), ByteBuffer.wrap(requireValue(v, "files", k))));
    SecretPayload payload = new SecretPayload(sortedData, fileBuffers);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      WRITER.write(payload, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new SealingException("cannot encode a secret payload");
    }
    return out.toByteArray();
  }

  /**
   * Decodes what {@link #encode} produced.
   *
   * @throws SealingException when the bytes are not one whole payload (trailing bytes included)
   */
  public static Decoded decode(byte[] plaintext) {
    try {
      Reader reader = READERS.get();
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(plaintext, reader.decoder);
      reader.decoder = decoder;
      SecretPayload payload = reader.datumReader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SealingException("secret payload has trailing bytes");
      }
      SortedMap<String, String> data = new TreeMap<>(payload.getData());
      SortedMap<String, byte[]> files = new TreeMap<>();
      payload
          .getFiles()
          .forEach(
              (k, v) -> {
                byte[] bytes = new byte[v.remaining()];
                v.duplicate().get(bytes);
                files.put(k, bytes);
              });
      return new Decoded(
          Collections.unmodifiableSortedMap(data), Collections.unmodifiableSortedMap(files));
    } catch (SealingException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SealingException("cannot decode a secret payload");
    }
  }

  /**
   * Whether two canonical encodings hold the same contents. Constant-time, so the time taken does
   * not tell how long a common prefix of two secrets is.
   */
  public static boolean sameContent(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  private static String requireKey(String key, String map) {
    if (key == null) {
      throw new NullPointerException("secret " + map + " has a null key");
    }
    return key;
  }

  private static <T> T requireValue(T value, String map, String key) {
    if (value == null) {
      throw new NullPointerException("secret " + map + " '" + key + "' has no value");
    }
    return value;
  }
}
