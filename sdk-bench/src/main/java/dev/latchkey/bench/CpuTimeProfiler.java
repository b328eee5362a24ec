package dev.latchkey.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark process per operation ({@code -prof dev.latchkey.bench.CpuTimeProfiler}): every
 * thread counts (the caller's, OkHttp's dispatcher and reader threads, the garbage collector, the JIT), over the
 * measured operations of each iteration. Unlike wall time, it does not depend on how busy the neighbours are; with
 * the canned server in its own process ({@link CannedServer}) none of the server's work is in it.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary result's name. */
    static final String NAME = "cpu.time.per.op";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long before;

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long used = os.getProcessCpuTime() - before;
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || used < 0) {
            return List.of();
        }
        return List.of(new ScalarResult(NAME, used / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    @Override
    public String getDescription() {
        return "CPU time of the benchmark process per operation";
    }
}
