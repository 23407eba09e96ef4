#!/bin/sh
# Generates one SCRAM password per Kafka user into secrets/kafka/<user>.password (kept when present).
# Run once from the repository root before `docker compose up`.
set -eu
dir=secrets/kafka
mkdir -p "$dir"
umask 077
for user in datadock-broker datadock-operator datadock-gateway datadock-secret-service \
  datadock-depot-service datadock-catalog-scanner datadock-reader; do
  file="$dir/$user.password"
  [ -f "$file" ] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file"
done
echo "passwords in $dir"
