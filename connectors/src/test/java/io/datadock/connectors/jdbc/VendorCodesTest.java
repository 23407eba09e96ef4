package io.datadock.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VendorCodesTest {

  private static final VendorCodes MYSQL =
      new VendorCodes(Set.of(1045, 1698), Set.of(1044), Set.of(1049));

  @Test
  void theSqlStateDecidesFirst() {
    assertThat(VendorCodes.NONE.classify(new SQLException("x", "28P01")))
        .isEqualTo(LoginFailure.BAD_CREDENTIALS);
    assertThat(VendorCodes.NONE.classify(new SQLException("x", "42501")))
        .isEqualTo(LoginFailure.NO_ACCESS);
    assertThat(VendorCodes.NONE.classify(new SQLException("x", "3D000")))
        .isEqualTo(LoginFailure.UNKNOWN_DATABASE);
    assertThat(MYSQL.classify(new SQLException("x", "28000", 1049)))
        .isEqualTo(LoginFailure.BAD_CREDENTIALS);
  }

  @Test
  void thenTheFamilysVendorCodes() {
    assertThat(MYSQL.classify(new SQLException("x", "HY000", 1045)))
        .isEqualTo(LoginFailure.BAD_CREDENTIALS);
    assertThat(MYSQL.classify(new SQLException("x", null, 1044))).isEqualTo(LoginFailure.NO_ACCESS);
    assertThat(MYSQL.classify(new SQLException("x", "HY000", 1049)))
        .isEqualTo(LoginFailure.UNKNOWN_DATABASE);
    assertThat(VendorCodes.NONE.classify(new SQLException("x", "HY000", 1045)))
        .isEqualTo(LoginFailure.OTHER);
  }

  @Test
  void aCauseOrANextExceptionIsClassifiedTooButNotEndlessly() {
    SQLException wrapped = new SQLException("connect failed", "08001");
    wrapped.setNextException(new SQLException("denied", "28000"));
    assertThat(VendorCodes.NONE.classify(wrapped)).isEqualTo(LoginFailure.BAD_CREDENTIALS);

    SQLException caused =
        new SQLException("connect failed", "08001", new SQLException("x", "HY000", 1049));
    assertThat(MYSQL.classify(caused)).isEqualTo(LoginFailure.UNKNOWN_DATABASE);

    SQLException deep = new SQLException("deep", "28000");
    for (int i = 0; i < 10; i++) {
      deep = new SQLException("level " + i, "08001", deep);
    }
    assertThat(VendorCodes.NONE.classify(deep)).isEqualTo(LoginFailure.OTHER);
  }
}
