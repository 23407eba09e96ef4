package io.datadock.runtime.kafka.security;

/**
 * The Kafka users Datadock's processes connect as: one per service, one for operators' tools (a
 * super user: it creates topics, credentials and ACLs) and one read-only user for downstream
 * consumers of the public topics. Their rights are in {@code kafka-acls.txt}.
 */
public enum KafkaPrincipal {
  GATEWAY("datadock-gateway"),
  SECRET_SERVICE("datadock-secret-service"),
  DEPOT_SERVICE("datadock-depot-service"),
  CATALOG_SCANNER("datadock-catalog-scanner"),
  OPERATOR("datadock-operator"),
  READER("datadock-reader");

  private final String user;

  KafkaPrincipal(String user) {
    this.user = user;
  }

  /** The SCRAM user name, as the ACL file and {@code super.users} name it. */
  public String user() {
    return user;
  }
}
