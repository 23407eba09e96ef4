package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DepotShapeTest {

  @Test
  void theWireNamesAreThoseOfADepotSpecRecord() {
    assertThat(DepotShape.TENANT.wireName()).isEqualTo("tenant");
    assertThat(DepotShape.INSTANCE_SECRET.wireName()).isEqualTo("instance-secret");
  }

  @ParameterizedTest
  @EnumSource(DepotShape.class)
  void everyWireNameReadsBackAsItsShape(DepotShape shape) {
    assertThat(DepotShape.fromWire(shape.wireName())).contains(shape);
    assertThat(shape.is(shape.wireName())).isTrue();
  }

  @Test
  void anythingElseIsNoShape() {
    assertThat(DepotShape.fromWire("INSTANCE_SECRET")).isEmpty();
    assertThat(DepotShape.fromWire(null)).isEmpty();
    assertThat(DepotShape.TENANT.is("instance-secret")).isFalse();
  }
}
