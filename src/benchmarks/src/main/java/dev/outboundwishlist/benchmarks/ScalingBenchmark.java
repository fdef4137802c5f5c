package dev.outboundwishlist.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.testing.TemplateGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Expansion time as templates grow: resources (functions with one state machine) and states
 * (one state machine with a definition-level Catch, Retry and cross-account tasks). The control
 * for the second: the same number of states in machines of 100 states each, so no machine grows
 * and any logic that is superlinear in a machine's states cannot show; what still grows is the
 * template the passes walk, and the machine's caches it outgrows. The document
 * is copied per call, so only the expansion is timed, never the parse. The heap is fixed and
 * touched up front: a 10,000-state expansion allocates about 56 MB, and a heap still growing
 * (the operating system handing out fresh pages) made those figures swing by ±60%.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ScalingBenchmark {

    @State(Scope.Benchmark)
    public static class Resources {
        @Param({"10", "100", "500"})
        public int resources;
        ObjectNode root;

        @Setup(Level.Trial)
        public void setUp() {
            root = TemplateGenerator.template(resources - 1, 1, 10);
        }
    }

    @State(Scope.Benchmark)
    public static class States {
        @Param({"10", "100", "1000", "10000"})
        public int states;
        ObjectNode root;

        @Setup(Level.Trial)
        public void setUp() {
            root = TemplateGenerator.template(5, 1, states);
        }
    }

    @State(Scope.Benchmark)
    public static class StatesInMachinesOf100 {
        @Param({"100", "1000", "10000"})
        public int states;
        ObjectNode root;

        @Setup(Level.Trial)
        public void setUp() {
            root = TemplateGenerator.template(5, states / 100, 100);
        }
    }

    private final Engine engine = Engine.standard();

    @Benchmark
    public ExpansionResult resources(Resources input) {
        return engine.run(Templates.inMemory(input.root.deepCopy()), Environment.offline());
    }

    @Benchmark
    public ExpansionResult states(States input) {
        return engine.run(Templates.inMemory(input.root.deepCopy()), Environment.offline());
    }

    @Benchmark
    public ExpansionResult statesInMachinesOf100(StatesInMachinesOf100 input) {
        return engine.run(Templates.inMemory(input.root.deepCopy()), Environment.offline());
    }

    /** The cost of the copy alone, subtracted from the figures above in the report. */
    @Benchmark
    public ObjectNode copyStates(States input) {
        return input.root.deepCopy();
    }

    @Benchmark
    public ObjectNode copyStatesInMachinesOf100(StatesInMachinesOf100 input) {
        return input.root.deepCopy();
    }
}
