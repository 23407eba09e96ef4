package io.datadock.core.crypto;

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
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The plaintext inside a sealed payload: a secret's data and files as an Avro {@link
 * SecretPayload}, with keys sorted so that equal contents always encode to equal bytes.
 */
public final class SecretPayloads {

  /** Decoded contents. Its toString names keys only. */
  public record Decoded(SortedMap<String, String> data, SortedMap<String, byte[]> files) {
    @Override
    public String toString() {
      return "SecretPayload[data=" + data.keySet() + ", files=" + files.keySet() + "]";
    }
  }

  private SecretPayloads() {}

  public static byte[] encode(Map<String, String> data, Map<String, byte[]> files) {
    Map<String, ByteBuffer> fileBuffers = new TreeMap<>();
    files.forEach((k, v) -> fileBuffers.put(k, ByteBuffer.wrap(v)));
    SecretPayload payload = new SecretPayload(new TreeMap<>(data), fileBuffers);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new SpecificDatumWriter<SecretPayload>(
              SecretPayload.getClassSchema(), TrustedSpecificData.get())
          .write(payload, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new SealingException("cannot encode a secret payload");
    }
    return out.toByteArray();
  }

  public static Decoded decode(byte[] plaintext) {
    try {
      SecretPayload payload =
          new SpecificDatumReader<SecretPayload>(
                  SecretPayload.getClassSchema(),
                  SecretPayload.getClassSchema(),
                  TrustedSpecificData.get())
              .read(null, DecoderFactory.get().binaryDecoder(plaintext, null));
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
    } catch (IOException | RuntimeException e) {
      throw new SealingException("cannot decode a secret payload");
    }
  }

  /** Constant-time comparison of two canonical encodings. */
  public static boolean sameContent(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
