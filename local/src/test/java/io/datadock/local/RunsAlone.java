package io.datadock.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test that runs after the others, alone on the machine: it bounds latencies, waits
 * out deadlines, or starts a cluster of processes, so a test class running beside it could make it
 * fail. The rest run in two JVMs at once (the failsafe executions in this module's pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsAlone.TAG)
@interface RunsAlone {
  String TAG = "runs-alone";
}
