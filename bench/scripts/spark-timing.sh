#!/usr/bin/env bash
# When does Spark pay? Runs org.groundmetric.spark.SparkTiming (spark/src/test: the distance matrix
# and one GGML epoch, local engine against Spark, interleaved in one JVM).
# Usage: bench/scripts/spark-timing.sh [preset=synth200d] [master=local[2]] [repeats=3] [seed=0]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -Dstyle.color=never -pl spark -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >&2
# shellcheck source=bin/spark-java-opens.sh
source "$root/bin/spark-java-opens.sh"
exec java ${JAVA_OPTS:-} "${spark_java_opens[@]}" -Dspark.ui.enabled=false \
    -cp "spark/target/test-classes:spark/target/classes:$(cat spark/target/test.classpath)" \
    org.groundmetric.spark.SparkTiming "$@"
