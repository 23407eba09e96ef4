package io.datadock.core.udl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdlTest {

  @Test
  void bothFormsMeanTheSame() {
    Udl current = Udl.parse("dataos://pgdepot/public/orders");
    Udl v1 = Udl.parse("dataos://pgdepot:public/orders");

    assertThat(current).isEqualTo(v1).isEqualTo(Udl.of("pgdepot", "public", "orders"));
    assertThat(current.collection()).isEqualTo("public");
    assertThat(current.dataset()).isEqualTo("orders");
    assertThat(v1.toString()).isEqualTo("dataos://pgdepot/public/orders");
  }

  @Test
  void deeperPathsAndTheDepotAloneParse() {
    assertThat(Udl.parse("dataos://files/exports/2026/orders.csv").path())
        .containsExactly("exports", "2026", "orders.csv");
    assertThat(Udl.parse("dataos://pgdepot").path()).isEmpty();
    assertThat(Udl.parse("dataos://pgdepot:public").path()).isEqualTo(List.of("public"));
  }

  @Test
  void malformedAddressesSayWhatIsWrong() {
    assertMalformed("dataos:////x", "names no depot");
    assertMalformed("dataos:///public/orders", "names no depot");
    assertMalformed("s3://bucket/x", "must start with dataos://");
    assertMalformed("dataos://pgdepot//orders", "empty path segment");
    assertMalformed("dataos://PG/public/orders", "not a valid depot name");
    assertMalformed("dataos://pgdepot:/orders", "empty collection");
    assertMalformed("", "a UDL is required");
  }

  private static void assertMalformed(String text, String part) {
    assertThatThrownBy(() -> Udl.parse(text))
        .isInstanceOf(DatadockException.class)
        .hasMessageContaining(part)
        .extracting(e -> ((DatadockException) e).field())
        .isEqualTo("udl");
  }
}
