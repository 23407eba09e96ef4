package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Without a durable audit record there is no answer (fail closed, as Vault does). */
class AuditFailClosedIT extends PlatformIT {

  @Test
  void aResolutionIsRefusedWhenTheAuditTopicIsGone() throws Exception {
    firstResult(
        api.applyYaml(
            "name: audited\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data:\n    password: never-without-audit\n",
            ""));
    Resolver resolver = new Resolver(platform);
    assertThat(
            resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/audited", "rw").status())
        .isEqualTo(200);

    try (Admin admin = Admin.create(KafkaSettings.admin(platform.kafka(KafkaPrincipal.OPERATOR)))) {
      admin
          .deleteTopics(List.of(Topics.SECRET_ACCESS.name(Topics.DEFAULT_PREFIX)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    Api.Response refused =
        resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/audited", "rw");
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.body()).contains("audit").doesNotContain("never-without-audit");
  }
}
