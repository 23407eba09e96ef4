package io.datadock.core.crypto;

import io.datadock.schemas.common.SealedPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;

/**
 * secret-service's private keys, by id, kept in one directory.
 *
 * <p>Each key is a file {@code <keyId>.key} (mode 0600, the directory 0700) holding three lines:
 * {@code created=<epoch millis>}, {@code private=<base64 X25519 private key>}, {@code
 * public=<base64 public key>}. Files are written to a temporary name and moved into place, so a
 * crash never leaves half a key. A retired key is renamed {@code <keyId>.retired}: no longer
 * loaded, but not destroyed by Datadock (an operator deletes it once backups are rotated).
 */
public final class KeyRing {

  private static final String SUFFIX = ".key";

  private final Path dir;
  private static final int MAX_CACHED_DATA_KEYS = 10_000;

  private final Map<String, Entry> keys = new LinkedHashMap<>();
  private final Map<String, SecretKeySpec> dataKeys = new ConcurrentHashMap<>();

  private record Entry(RecipientKey publicKey, AsymmetricCipherKeyPair pair) {}

  private KeyRing(Path dir) {
    this.dir = dir;
  }

  /** Loads every key in {@code dir}; generates the first one when there is none. */
  public static KeyRing loadOrCreate(Path dir) {
    KeyRing ring = new KeyRing(dir);
    ring.loadAll();
    if (ring.keys.isEmpty()) {
      ring.addKey();
    }
    return ring;
  }

  /** Loads every key in {@code dir}, failing loudly when there is none. */
  public static KeyRing load(Path dir) {
    KeyRing ring = new KeyRing(dir);
    ring.loadAll();
    if (ring.keys.isEmpty()) {
      throw new MissingKeyException(
          "no secret-service key in "
              + dir.toAbsolutePath()
              + ": secrets sealed to a lost key cannot be opened. Restore the key directory from"
              + " backup, or point DATADOCK_SECRET_KEY_DIR at it.");
    }
    return ring;
  }

  /** The key to seal new payloads to: the most recently created. */
  public synchronized RecipientKey newest() {
    return keys.values().stream()
        .map(Entry::publicKey)
        .max(Comparator.comparingLong(RecipientKey::createdAt).thenComparing(RecipientKey::keyId))
        .orElseThrow();
  }

  /** Every key that can still open payloads, oldest first. */
  public synchronized List<RecipientKey> publicKeys() {
    List<RecipientKey> out = new ArrayList<>();
    keys.values().forEach(e -> out.add(e.publicKey()));
    out.sort(Comparator.comparingLong(RecipientKey::createdAt).thenComparing(RecipientKey::keyId));
    return out;
  }

  public synchronized boolean contains(String keyId) {
    return keys.containsKey(keyId);
  }

  /** Generates a new key pair, persists it and makes it the newest. */
  public synchronized RecipientKey addKey() {
    HPKE hpke = Hpke.suite();
    AsymmetricCipherKeyPair pair = hpke.generatePrivateKey();
    byte[] publicKey = hpke.serializePublicKey(pair.getPublic());
    long createdAt = Math.max(System.currentTimeMillis(), newestCreatedAt() + 1);
    RecipientKey key = new RecipientKey(RecipientKey.idOf(publicKey), publicKey, createdAt);
    write(key, hpke.serializePrivateKey(pair.getPrivate()));
    keys.put(key.keyId(), new Entry(key, pair));
    return key;
  }

  /** Removes a key from the ring; its payloads no longer open. The newest key cannot be retired. */
  public synchronized void retire(String keyId) {
    if (!keys.containsKey(keyId)) {
      throw new IllegalArgumentException("no key " + keyId + " in the ring");
    }
    if (newest().keyId().equals(keyId)) {
      throw new IllegalStateException("key " + keyId + " is the newest key and cannot be retired");
    }
    try {
      Files.move(
          dir.resolve(keyId + SUFFIX),
          dir.resolve(keyId + ".retired"),
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot retire key " + keyId, e);
    }
    keys.remove(keyId);
    dataKeys.keySet().removeIf(id -> id.startsWith(keyId + ":"));
  }

  /**
   * Opens a payload sealed to one of this ring's keys.
   *
   * @throws SealingException when the key is unknown, the payload was tampered with, or the
   *     associated data differs from the one it was sealed with
   */
  public byte[] open(SealedPayload payload, byte[] associatedData) {
    Entry entry;
    synchronized (this) {
      entry = keys.get(payload.getKeyId());
    }
    if (entry == null) {
      throw new SealingException("no private key " + payload.getKeyId() + " to open the payload");
    }
    try {
      SecretKeySpec dataKey = dataKey(entry, bytes(payload.getEnc()));
      return PayloadCipher.decrypt(
          dataKey, bytes(payload.getNonce()), bytes(payload.getCiphertext()), associatedData);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SealingException(
          "payload sealed to key "
              + payload.getKeyId()
              + " does not open: tampered or bound to another resource");
    }
  }

  /**
   * The data key an encapsulation exports, opened once and then cached: gateways reuse an
   * encapsulation for many payloads. The cache is bounded; it holds keys, never plaintext.
   */
  private SecretKeySpec dataKey(Entry entry, byte[] enc) {
    String id = entry.publicKey().keyId() + ":" + HexFormat.of().formatHex(enc);
    SecretKeySpec cached = dataKeys.get(id);
    if (cached != null) {
      return cached;
    }
    HPKEContext context = Hpke.suite().setupBaseR(enc, entry.pair(), Hpke.INFO);
    SecretKeySpec key =
        new SecretKeySpec(context.export(Hpke.DATA_KEY_CONTEXT, Hpke.DATA_KEY_BYTES), "AES");
    if (dataKeys.size() >= MAX_CACHED_DATA_KEYS) {
      dataKeys.clear();
    }
    dataKeys.put(id, key);
    return key;
  }

  private long newestCreatedAt() {
    return keys.values().stream().mapToLong(e -> e.publicKey().createdAt()).max().orElse(0);
  }

  private void loadAll() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
        Entry entry = read(file);
        keys.put(entry.publicKey().keyId(), entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key directory " + dir, e);
    }
  }

  private static Entry read(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    byte[] privateKey = Base64.getDecoder().decode(required(p, "private", file));
    byte[] publicKey = Base64.getDecoder().decode(required(p, "public", file));
    long createdAt = Long.parseLong(required(p, "created", file));
    AsymmetricCipherKeyPair pair = Hpke.suite().deserializePrivateKey(privateKey, publicKey);
    return new Entry(new RecipientKey(RecipientKey.idOf(publicKey), publicKey, createdAt), pair);
  }

  private static String required(Properties p, String name, Path file) {
    String value = p.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("key file " + file + " has no '" + name + "' line");
    }
    return value.trim();
  }

  private void write(RecipientKey key, byte[] privateKey) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Path tmp =
          Files.createTempFile(
              dir,
              ".key-",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      String content =
          "created="
              + key.createdAt()
              + "\nprivate="
              + Base64.getEncoder().encodeToString(privateKey)
              + "\npublic="
              + Base64.getEncoder().encodeToString(key.publicKey())
              + "\n";
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(key.keyId() + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a key to " + dir, e);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
