package io.datadock.core.crypto;

import io.datadock.schemas.common.SealedPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * secret-service's private keys, by id: which keys it holds, which is the newest, and opening
 * payloads sealed to them. Where they live is the {@link KeyDirectory} (file format {@link
 * KeyFileFormat}, written durably by {@link DurableFiles}, {@link OwnerOnly} permissions, created
 * under a {@link KeyDirectoryLock}); opened data keys are kept in a {@link DataKeyCache}.
 *
 * <p>Thread-safe: Kafka Streams threads open payloads while HTTP threads read public keys and an
 * operator rotates.
 */
public final class KeyRing {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
  private static final Comparator<RecipientKey> OLDEST_FIRST =
      Comparator.comparingLong(RecipientKey::createdAt).thenComparing(RecipientKey::keyId);

  private final KeyDirectory directory;
  private final Map<String, RingKey> keys = new LinkedHashMap<>();
  private final Map<String, Path> mounted = new LinkedHashMap<>();
  private final Map<String, RingKey> retiredKeys = new ConcurrentHashMap<>();
  private final DataKeyCache dataKeys = new DataKeyCache(DataKeyCache.DEFAULT_CAPACITY);

  private KeyRing(Path dir) {
    this.directory = new KeyDirectory(dir);
    directory.loadAll().forEach(key -> keys.put(key.keyId(), key));
  }

  /** Whether {@code dir} holds at least one (unretired) key file. */
  public static boolean hasKeys(Path dir) {
    return new KeyDirectory(dir).hasKeys();
  }

  /**
   * Loads every key in {@code dir}; generates the first one when there is none. Under a lock on the
   * directory: two instances sharing it and starting together must not each create a first key
   * (each could then not open what was sealed to the other's).
   */
  public static KeyRing loadOrCreate(Path dir) {
    return KeyDirectoryLock.holding(
        dir,
        () -> {
          KeyRing ring = new KeyRing(dir);
          if (ring.keys.isEmpty()) {
            ring.addKey();
          }
          return ring;
        });
  }

  /**
   * The keys in {@code dir} (there may be none) and the one in {@code keyFile}, a read-only secret
   * mounted by the deployment (any file name): the first key comes from the secret, keys added by
   * rotations go to the directory.
   */
  public static KeyRing withMountedKey(Path dir, Path keyFile) {
    KeyRing ring = new KeyRing(dir);
    try {
      RingKey key = KeyFileFormat.read(keyFile, null);
      synchronized (ring) {
        ring.keys.put(key.keyId(), key);
        ring.mounted.put(key.keyId(), keyFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mounted key " + keyFile, e);
    }
    return ring;
  }

  /**
   * Writes a new key pair to {@code file} ({@code rw-------}), in the key file format, for a
   * deployment to mount as a secret.
   *
   * @return the key's id
   */
  public static String newKeyFile(Path file) {
    RingKey key = RingKey.generate(0);
    try {
      DurableFiles.write(file, KeyFileFormat.write(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a key file " + file, e);
    }
    return key.keyId();
  }

  /** Loads every key in {@code dir}, failing loudly when there is none. */
  public static KeyRing load(Path dir) {
    KeyRing ring = new KeyRing(dir);
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
    return keys.values().stream().map(RingKey::publicKey).max(OLDEST_FIRST).orElseThrow();
  }

  /** Every key that can still open payloads, oldest first. */
  public synchronized List<RecipientKey> publicKeys() {
    List<RecipientKey> out = new ArrayList<>();
    keys.values().forEach(k -> out.add(k.publicKey()));
    out.sort(OLDEST_FIRST);
    return out;
  }

  public synchronized boolean contains(String keyId) {
    return keys.containsKey(keyId);
  }

  /** Generates a new key pair, persists it and makes it the newest. */
  public synchronized RecipientKey addKey() {
    long newest = keys.values().stream().mapToLong(k -> k.publicKey().createdAt()).max().orElse(0);
    RingKey key = RingKey.generate(newest);
    directory.add(key);
    keys.put(key.keyId(), key);
    return key.publicKey();
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
    directory.retire(keyId);
    keys.remove(keyId);
    dataKeys.forget(keyId);
  }

  /**
   * Opens a payload sealed to one of this ring's keys.
   *
   * @throws SealingException when the key is unknown, the payload was tampered with, or the
   *     associated data differs from the one it was sealed with
   */
  public byte[] open(SealedPayload payload, byte[] associatedData) {
    RingKey key = key(payload.getKeyId());
    if (key == null) {
      throw new SealingKeyNotHeldException(payload.getKeyId());
    }
    return open(key, payload, associatedData);
  }

  /**
   * As {@link #open}, and also with a retired key whose file is still in the directory: for a
   * replay, which must decide on a command sealed to a key retired since exactly as it did then.
   */
  public byte[] openForReplay(SealedPayload payload, byte[] associatedData) {
    RingKey key = key(payload.getKeyId());
    if (key == null) {
      key =
          retiredKeys.computeIfAbsent(
              payload.getKeyId(), id -> directory.findRetired(id).orElse(null));
    }
    if (key == null) {
      throw new SealingKeyNotHeldException(payload.getKeyId());
    }
    return open(key, payload, associatedData);
  }

  /**
   * The ring's key, or one another instance sharing the directory added since this ring was loaded
   * (a rotation there): payloads sealed to it open here too.
   */
  private synchronized RingKey key(String keyId) {
    RingKey key = keys.get(keyId);
    if (key != null) {
      return key;
    }
    Optional<RingKey> added = directory.find(keyId);
    added.ifPresent(
        k -> {
          keys.put(keyId, k);
          LOG.info(
              "key loaded keyId={} (added by another instance sharing {})",
              keyId,
              directory.path());
        });
    return added.orElse(null);
  }

  private byte[] open(RingKey key, SealedPayload payload, byte[] associatedData) {
    try {
      SecretKeySpec dataKey = dataKeys.get(key, bytes(payload.getEnc()));
      return PayloadCipher.decrypt(
          dataKey, bytes(payload.getNonce()), bytes(payload.getCiphertext()), associatedData);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SealingException(
          "payload sealed to key "
              + payload.getKeyId()
              + " does not open: tampered or bound to another resource");
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
