#!/bin/bash
# Starts one broker of the compose cluster (apache/kafka image) secured as docs/security.md says:
# clients and brokers on SASL_SSL with SCRAM-SHA-512, the controllers on SASL_SSL with PLAIN (the
# broker user only), the standard authorizer denying what kafka-acls.txt does not allow. The
# broker's and the operator's SCRAM credentials are written at storage format; kafka-setup adds
# the services' users and the ACLs.
# Environment: NODE_ID. Mounted: /certs (certs.sh), /run/secrets/kafka-broker, kafka-operator.
set -euo pipefail
broker_pw=$(cat /run/secrets/kafka-broker)
operator_pw=$(cat /run/secrets/kafka-operator)
store_pw=$(cat /certs/store.password)
cluster_id=ZGF0YWRvY2stY2x1c3Rlcg
props=/tmp/server.properties
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=${NODE_ID}
controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093
controller.listener.names=CONTROLLER
listeners=SASL_SSL://:9092,CONTROLLER://:9093
advertised.listeners=SASL_SSL://kafka-${NODE_ID}:9092
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL
inter.broker.listener.name=SASL_SSL
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="datadock-broker" password="${broker_pw}";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="datadock-broker" password="${broker_pw}" user_datadock-broker="${broker_pw}";
ssl.keystore.type=PKCS12
ssl.keystore.location=/certs/kafka-${NODE_ID}.p12
ssl.keystore.password=${store_pw}
ssl.truststore.type=PEM
ssl.truststore.location=/certs/ca.pem
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:datadock-broker;User:datadock-operator
log.dirs=/tmp/kraft-combined-logs
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
min.insync.replicas=2
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
PROPS
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$cluster_id" -c "$props" \
  --add-scram "SCRAM-SHA-512=[name=datadock-broker,password=${broker_pw}]" \
  --add-scram "SCRAM-SHA-512=[name=datadock-operator,password=${operator_pw}]"
exec /opt/kafka/bin/kafka-server-start.sh "$props"
