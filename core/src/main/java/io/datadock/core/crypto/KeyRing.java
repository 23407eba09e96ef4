package io.datadock.core.crypto;

import io.datadock.schemas.common.SealedPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * secret-service's private keys, by id, kept in one directory.
 *
 * <p>Each key is a file {@code <keyId>.key} (mode 0600, the directory 0700 when created here) in
 * {@link Properties} syntax, three lines:
 *
 * <pre>
 * created=1763987945123          (epoch millis; orders keys, so newest() is deterministic)
 * private=&lt;base64 of the 32-byte X25519 private key&gt;
 * public=&lt;base64 of the 32-byte X25519 public key&gt;
 * </pre>
 *
 * <p>Text, so an operator can check a backup by eye; the id is {@link RecipientKey#idOf} of the
 * public key and must match the file name. Loading refuses a file whose public key is not its
 * private key's. Files are written to a temporary name, forced to disk and moved into place, so a
 * crash never leaves half a key. A retired key is renamed {@code <keyId>.retired}: no longer
 * loaded, but not destroyed by Datadock (an operator deletes it once backups are rotated).
 *
 * <p>Thread-safe: Kafka Streams threads open payloads while HTTP threads read public keys and an
 * operator rotates.
 */
public final class KeyRing {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
  private static final String SUFFIX = ".key";
  private static final String RETIRED_SUFFIX = ".retired";
  private static final String LOCK_FILE = ".lock";
  private static final Set<PosixFilePermission> DIR_PERMS =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_PERMS =
      PosixFilePermissions.fromString("rw-------");

  private static final int MAX_CACHED_DATA_KEYS = 10_000;

  private final Path dir;

  private final Map<String, Entry> keys = new LinkedHashMap<>();
  private final Map<String, SecretKeySpec> dataKeys = new ConcurrentHashMap<>();
  private final Map<String, Entry> retiredKeys = new ConcurrentHashMap<>();
  private final Map<String, Path> mounted = new LinkedHashMap<>();

  private record Entry(RecipientKey publicKey, AsymmetricCipherKeyPair pair) {}

  private KeyRing(Path dir) {
    this.dir = dir;
  }

  /** Loads every key in {@code dir}; generates the first one when there is none. */
  /** Whether {@code dir} holds at least one (unretired) key file. */
  public static boolean hasKeys(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the key directory " + dir, e);
    }
  }

  /**
   * Under a lock on the directory: two instances sharing it and starting together must not each
   * create a first key (each could then not open what was sealed to the other's).
   */
  public static KeyRing loadOrCreate(Path dir) {
    // A file lock keeps other processes out; within one JVM a second lock on the file would throw.
    synchronized (KeyRing.class) {
      return loadOrCreateLocked(dir);
    }
  }

  private static KeyRing loadOrCreateLocked(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_PERMS));
      }
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve(LOCK_FILE),
                  java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                  PosixFilePermissions.asFileAttribute(FILE_PERMS));
          FileLock lock = channel.lock()) {
        KeyRing ring = new KeyRing(dir);
        ring.loadAll();
        if (ring.keys.isEmpty()) {
          ring.addKey();
        }
        return ring;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the key directory " + dir, e);
    }
  }

  /**
   * The keys in {@code dir} (there may be none) and the one in {@code keyFile}, a read-only secret
   * mounted by the deployment (any file name): the first key comes from the secret, keys added by
   * rotations go to the directory.
   */
  public static KeyRing withMountedKey(Path dir, Path keyFile) {
    KeyRing ring = new KeyRing(dir);
    ring.loadAll();
    try {
      Entry entry = read(keyFile, null);
      synchronized (ring) {
        ring.keys.put(entry.publicKey().keyId(), entry);
        ring.mounted.put(entry.publicKey().keyId(), keyFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mounted key " + keyFile, e);
    }
    return ring;
  }

  /**
   * Writes a new key pair to {@code file} (mode 0600), in the key file format, for a deployment to
   * mount as a secret.
   *
   * @return the key's id
   */
  public static String newKeyFile(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Path staging =
          Files.createTempDirectory(
              parent, ".keygen-", PosixFilePermissions.asFileAttribute(DIR_PERMS));
      RecipientKey key = new KeyRing(staging).addKey();
      Files.move(staging.resolve(key.keyId() + SUFFIX), file, StandardCopyOption.ATOMIC_MOVE);
      Files.delete(staging);
      return key.keyId();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a key file " + file, e);
    }
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
    if (mounted.containsKey(keyId)) {
      throw new IllegalStateException(
          "key "
              + keyId
              + " is mounted from "
              + mounted.get(keyId)
              + ": retire it by removing that secret from the deployment");
    }
    try {
      Files.move(
          dir.resolve(keyId + SUFFIX),
          dir.resolve(keyId + RETIRED_SUFFIX),
          StandardCopyOption.ATOMIC_MOVE);
      forceDirectory();
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
    Entry entry = entry(payload.getKeyId());
    if (entry == null) {
      throw new SealingException("no private key " + payload.getKeyId() + " to open the payload");
    }
    return open(entry, payload, associatedData);
  }

  /**
   * As {@link #open}, and also with a retired key whose file is still in the directory: for a
   * replay, which must decide on a command sealed to a key retired since exactly as it did then.
   */
  public byte[] openForReplay(SealedPayload payload, byte[] associatedData) {
    Entry entry = entry(payload.getKeyId());
    if (entry == null) {
      entry = retiredKeys.computeIfAbsent(payload.getKeyId(), this::readRetired);
    }
    if (entry == null) {
      throw new SealingException("no private key " + payload.getKeyId() + " to open the payload");
    }
    return open(entry, payload, associatedData);
  }

  /**
   * The ring's key, or one another instance sharing the directory added since this ring was loaded
   * (a rotation there): payloads sealed to it open here too.
   */
  private synchronized Entry entry(String keyId) {
    Entry entry = keys.get(keyId);
    if (entry != null || !keyId.matches("[A-Za-z0-9_-]+")) {
      return entry;
    }
    Path file = dir.resolve(keyId + SUFFIX);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      entry = read(file, SUFFIX);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key " + keyId, e);
    }
    keys.put(keyId, entry);
    LOG.info("key loaded keyId={} (added by another instance sharing {})", keyId, dir);
    return entry;
  }

  private Entry readRetired(String keyId) {
    Path file = dir.resolve(keyId + RETIRED_SUFFIX);
    if (!keyId.matches("[A-Za-z0-9_-]+") || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return read(file, RETIRED_SUFFIX);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read retired key " + keyId, e);
    }
  }

  private byte[] open(Entry entry, SealedPayload payload, byte[] associatedData) {
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
    warnIfOpenToOthers();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
        Entry entry = read(file, SUFFIX);
        keys.put(entry.publicKey().keyId(), entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key directory " + dir, e);
    }
  }

  /**
   * Reads one key file, checking that the public key is the private key's and that the file is
   * named after it: a mixed-up file would otherwise surface much later, as payloads that do not
   * open. Errors name the file and the field, never its contents (a parser's message could quote
   * key characters), so causes are dropped on purpose.
   *
   * @param suffix what the name must end with after the key id; null for a mounted key, whose name
   *     the deployment chose
   */
  private static Entry read(Path file, String suffix) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    byte[] privateKey = base64(p, "private", file);
    byte[] publicKey = base64(p, "public", file);
    long createdAt;
    try {
      createdAt = Long.parseLong(required(p, "created", file));
    } catch (NumberFormatException e) {
      throw malformed(file, "'created' is not epoch millis");
    }
    HPKE hpke = Hpke.suite();
    AsymmetricCipherKeyPair pair;
    byte[] derivedPublic;
    try {
      pair = hpke.deserializePrivateKey(privateKey, publicKey);
      derivedPublic =
          hpke.serializePublicKey(
              ((X25519PrivateKeyParameters) pair.getPrivate()).generatePublicKey());
    } catch (RuntimeException e) {
      throw malformed(file, "'private' or 'public' is not an X25519 key");
    }
    if (!MessageDigest.isEqual(derivedPublic, publicKey)) {
      throw malformed(file, "'public' is not the public key of 'private'");
    }
    String keyId = RecipientKey.idOf(publicKey);
    if (suffix != null && !file.getFileName().toString().equals(keyId + suffix)) {
      throw malformed(file, "it holds key " + keyId + " and must be named " + keyId + suffix);
    }
    return new Entry(new RecipientKey(keyId, publicKey, createdAt), pair);
  }

  private static byte[] base64(Properties p, String name, Path file) {
    try {
      return Base64.getDecoder().decode(required(p, name, file));
    } catch (IllegalArgumentException e) {
      throw malformed(file, "'" + name + "' is not base64");
    }
  }

  private static String required(Properties p, String name, Path file) {
    String value = p.getProperty(name);
    if (value == null) {
      throw malformed(file, "it has no '" + name + "' line");
    }
    return value.trim();
  }

  private static IllegalStateException malformed(Path file, String why) {
    return new IllegalStateException("key file " + file.toAbsolutePath() + " is unusable: " + why);
  }

  /** The directory may predate us (a mounted volume): tell the operator, do not chmod it. */
  private void warnIfOpenToOthers() {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
      if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
        LOG.warn(
            "key directory {} is accessible to group or others ({}); it should be rwx------",
            dir.toAbsolutePath(),
            PosixFilePermissions.toString(perms));
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot check the permissions of {}", dir, e);
    }
  }

  /**
   * Writes a key file so that it is either wholly there or absent, even across a crash: a temporary
   * file created 0600 (never readable by others, not even briefly), forced to disk, moved into
   * place atomically, and the directory forced so the new name survives. A lost key loses every
   * secret sealed to it, so the fsyncs are worth their milliseconds.
   */
  private void write(RecipientKey key, byte[] privateKey) {
    Path tmp = null;
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_PERMS));
      }
      tmp =
          Files.createTempFile(
              dir, ".key-", ".tmp", PosixFilePermissions.asFileAttribute(FILE_PERMS));
      String content =
          "created="
              + key.createdAt()
              + "\nprivate="
              + Base64.getEncoder().encodeToString(privateKey)
              + "\npublic="
              + Base64.getEncoder().encodeToString(key.publicKey())
              + "\n";
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(tmp, dir.resolve(key.keyId() + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a key to " + dir, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.warn("cannot delete the temporary key file {}", tmp, e);
        }
      }
    }
  }

  /** Makes a rename durable (Linux allows fsync on a directory opened for reading). */
  private void forceDirectory() {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync the key directory {}", dir, e);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
