package io.datadock.runtime.config;

import static io.datadock.runtime.config.Setting.DATADOCK_EGRESS_DENY;
import static io.datadock.runtime.config.Setting.DATADOCK_GATEWAY_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_INSTANCE_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_REPLY_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_SCAN_OBJECT_BUDGET;
import static io.datadock.runtime.config.Setting.DATADOCK_SERVICE_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_TENANT_RATE_LIMIT;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PARTITIONS;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_REPLICATION;
import static io.datadock.runtime.config.Setting.KAFKA_BOOTSTRAP_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.kafka.TopicLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The environment read as typed values; a bad one is a message naming the variable. */
class SettingsTest {

  @Test
  void anUnsetVariableHasItsDefaultAndASetOneItsValue() {
    Settings settings = Settings.of(Map.of("DATADOCK_GATEWAY_PORT", "18080"));

    assertThat(settings.port(DATADOCK_GATEWAY_PORT, null)).isEqualTo(18080);
    assertThat(settings.string(KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
    assertThat(settings.millis(DATADOCK_REPLY_TIMEOUT_MS)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.decimal(DATADOCK_TENANT_RATE_LIMIT)).isEqualTo(1000);
    assertThat(settings.string(DATADOCK_INSTANCE_ID, "host-7")).isEqualTo("host-7");
    assertThat(settings.path(Setting.DATADOCK_SECRET_KEY_FILE, null)).isNull();
  }

  @Test
  void aBadNumberNamesTheVariableAndTheValue() {
    Settings settings = Settings.of(Map.of("DATADOCK_TENANT_RATE_LIMIT", "abc"));

    assertThatThrownBy(() -> settings.decimal(DATADOCK_TENANT_RATE_LIMIT))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("DATADOCK_TENANT_RATE_LIMIT: not a number: \"abc\"");
  }

  @Test
  void outOfRangeValuesAreRefusedByName() {
    Settings settings =
        Settings.of(
            Map.of(
                "DATADOCK_GATEWAY_PORT", "70000",
                "DATADOCK_REPLY_TIMEOUT_MS", "-5",
                "DATADOCK_TENANT_RATE_LIMIT", "-1",
                "DATADOCK_TOPIC_PARTITIONS", "0"));

    assertThatThrownBy(() -> settings.port(DATADOCK_GATEWAY_PORT, null))
        .hasMessage("DATADOCK_GATEWAY_PORT: not a port (0 to 65535): 70000");
    assertThatThrownBy(() -> settings.millis(DATADOCK_REPLY_TIMEOUT_MS))
        .hasMessage("DATADOCK_REPLY_TIMEOUT_MS: must not be negative: -5");
    assertThatThrownBy(() -> settings.decimal(DATADOCK_TENANT_RATE_LIMIT))
        .hasMessage("DATADOCK_TENANT_RATE_LIMIT: must be a number 0 or more: -1.0");
    assertThatThrownBy(() -> TopicLayout.from(settings))
        .hasMessage("DATADOCK_TOPIC_PARTITIONS: must be 1 or more: 0");
  }

  @Test
  void aRequiredVariableThatIsMissingOrBlankSaysWhatNeedsIt() {
    assertThatThrownBy(() -> Settings.empty().required(DATADOCK_SERVICE_TOKEN, "x resolves"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("DATADOCK_SERVICE_TOKEN: required: x resolves");
    assertThatThrownBy(
            () ->
                Settings.of(Map.of("DATADOCK_SERVICE_TOKEN", " "))
                    .required(DATADOCK_SERVICE_TOKEN, "x resolves"))
        .hasMessage("DATADOCK_SERVICE_TOKEN: required: x resolves");
  }

  @Test
  void aParserOfItsOwnNamesTheVariableInItsMessage() {
    Settings settings = Settings.of(Map.of("DATADOCK_EGRESS_DENY", "10.0.0.0/8,x"));

    assertThatThrownBy(
            () ->
                settings.parsed(
                    DATADOCK_EGRESS_DENY,
                    text -> {
                      throw new IllegalArgumentException("invalid CIDR 'x'");
                    }))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("DATADOCK_EGRESS_DENY: invalid CIDR 'x'");
    assertThat(settings.list(DATADOCK_EGRESS_DENY)).isEqualTo(List.of("10.0.0.0/8", "x"));
  }

  @Test
  void anEnumValueOutsideItsConstantsListsThem() {
    Settings settings = Settings.of(Map.of("DATADOCK_REPLY_MODE", "fast"));

    assertThatThrownBy(() -> settings.choice(Setting.DATADOCK_REPLY_MODE, TimeUnit.class))
        .hasMessageStartingWith("DATADOCK_REPLY_MODE: not one of NANOSECONDS, ")
        .hasMessageEndingWith(": \"fast\"");
  }

  @Test
  void withOverridesAndWithDefaultOnlyFillsWhatIsUnset() {
    Settings given = Settings.of(Map.of("DATADOCK_TOPIC_PARTITIONS", "12"));

    Settings layered =
        given
            .withDefault(DATADOCK_TOPIC_PARTITIONS, 4)
            .withDefault(DATADOCK_TOPIC_REPLICATION, 1)
            .with(Setting.DATADOCK_DATA_DIR, Path.of("/tmp/dd"));

    assertThat(TopicLayout.from(layered)).isEqualTo(new TopicLayout(12, (short) 1));
    assertThat(layered.path(Setting.DATADOCK_DATA_DIR, null)).isEqualTo(Path.of("/tmp/dd"));
    assertThat(given.isSet(Setting.DATADOCK_DATA_DIR)).as("unchanged").isFalse();
  }

  @Test
  void everyDefaultOfTheTableIsReadableAsItsSettingSays() {
    Settings defaults = Settings.empty();

    assertThat(TopicLayout.from(defaults)).isEqualTo(new TopicLayout(6, (short) 0));
    for (Setting setting : Setting.values()) {
      assertThat(setting.documentedDefault()).as(setting.variable()).isNotNull();
      assertThat(setting.readers()).as(setting.variable()).isNotEmpty();
      if (setting.defaultValue() != null) {
        assertThat(setting.documentedDefault()).isEqualTo(setting.defaultValue());
      }
    }
  }

  @Test
  void theObjectBudgetDefaultsToAHundredThousandAndMustBeAtLeastOne() {
    assertThat(Settings.empty().positive(DATADOCK_SCAN_OBJECT_BUDGET)).isEqualTo(100_000);
    assertThat(
            Settings.of(Map.of("DATADOCK_SCAN_OBJECT_BUDGET", "250"))
                .positive(DATADOCK_SCAN_OBJECT_BUDGET))
        .isEqualTo(250);
    assertThatThrownBy(
            () ->
                Settings.of(Map.of("DATADOCK_SCAN_OBJECT_BUDGET", "0"))
                    .positive(DATADOCK_SCAN_OBJECT_BUDGET))
        .hasMessage("DATADOCK_SCAN_OBJECT_BUDGET: must be at least 1: 0");
  }
}
