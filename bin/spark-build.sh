# Sourced by the scripts that need groundmetric's Spark build: builds the groundmetric-spark
# assembly jar and Spark's classpath from Maven (Spark is 'provided': Maven resolves its jars, no
# Spark installation needed) on first use or when sources changed. Needs $root (the checkout).
# shellcheck disable=SC2034
spark_version_suffix="0.1.0-SNAPSHOT"
spark_jar="$root/spark/target/groundmetric-spark-$spark_version_suffix-all.jar"
spark_classpath_file="$root/spark/target/spark.classpath"

spark_needs_build() {
  [ ! -f "$spark_jar" ] || [ ! -f "$spark_classpath_file" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/core/pom.xml" "$root/cli/pom.xml" "$root/spark/pom.xml" \
      "$root/core/src/main" "$root/cli/src/main" "$root/spark/src/main" -newer "$spark_jar" -print -quit 2>/dev/null)" ]
}

# Builds when needed; $1 names the calling script in messages.
spark_build() {
  if spark_needs_build; then
    echo "$1: building the Spark jar and classpath (first use or sources changed)..." >&2
    (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl spark -am package dependency:build-classpath \
        -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark.classpath >&2) || {
      echo "$1: the build failed; run 'mvn -pl spark -am package' in $root to see why" >&2
      exit 1
    }
  fi
}
