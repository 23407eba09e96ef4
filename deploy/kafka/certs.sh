#!/bin/sh
# The brokers' TLS material, made once into the directory given (the compose file's `kafka-certs`
# volume): a CA (ca.pem, what clients trust: KAFKA_SSL_CA_FILE) and a PKCS12 key store per broker
# whose certificate names kafka-<n>, signed by it. Needs only keytool (any JDK or JRE image).
set -eu
out="${1:-/certs}"
brokers="${BROKERS:-kafka-1 kafka-2 kafka-3}"
cd "$out"
if [ -f ca.pem ]; then
  echo "certificates already in $out"
  exit 0
fi
umask 022
pw=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s' "$pw" > store.password
keytool -genkeypair -alias ca -dname CN=datadock-kafka-ca -keyalg EC -groupname secp256r1 \
  -validity 825 -ext bc:c -keystore ca.p12 -storetype PKCS12 -storepass "$pw"
keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass "$pw" > ca.pem
for b in $brokers; do
  keytool -genkeypair -alias "$b" -dname "CN=$b" -keyalg EC -groupname secp256r1 -validity 825 \
    -ext "SAN=dns:$b" -keystore "$b.p12" -storetype PKCS12 -storepass "$pw"
  keytool -certreq -alias "$b" -keystore "$b.p12" -storepass "$pw" \
    | keytool -gencert -alias ca -keystore ca.p12 -storepass "$pw" -ext "SAN=dns:$b" \
        -validity 825 -rfc > "$b.crt"
  keytool -importcert -noprompt -alias ca -file ca.pem -keystore "$b.p12" -storepass "$pw"
  keytool -importcert -alias "$b" -file "$b.crt" -keystore "$b.p12" -storepass "$pw"
done
rm ca.p12
# the brokers run as another user than this script: the stores are readable, the volume is theirs
chmod 644 ./*.p12 store.password ca.pem
echo "certificates for $brokers in $out"
