package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RecipientKeyTest {

  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) i;
    }
  }

  @Test
  void theIdIsKDashAndTheFirst16HexDigitsOfTheSha256() throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KEY));

    assertThat(RecipientKey.idOf(KEY)).isEqualTo("k-" + sha.substring(0, 16)).hasSize(18);
  }

  @Test
  void equalityComparesKeyBytesAndToStringShowsNoBytes() {
    RecipientKey a = new RecipientKey(RecipientKey.idOf(KEY), KEY.clone(), 5);
    RecipientKey b = new RecipientKey(RecipientKey.idOf(KEY), KEY.clone(), 5);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new RecipientKey(a.keyId(), KEY.clone(), 6));
    assertThat(a.toString()).isEqualTo("RecipientKey[" + a.keyId() + ", createdAt=5]");
  }

  @Test
  void idMatchesKeyDetectsAMixUp() {
    assertThat(new RecipientKey(RecipientKey.idOf(KEY), KEY, 0).idMatchesKey()).isTrue();
    assertThat(new RecipientKey("k-0000000000000000", KEY, 0).idMatchesKey()).isFalse();
    assertThat(new RecipientKey("k-0000000000000000", null, 0).idMatchesKey()).isFalse();
  }
}
