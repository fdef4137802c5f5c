package dev.outboundwishlist.benchmarks;

import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionResult;
import dev.outboundwishlist.globalcatch.GlobalCatchExtension;
import dev.outboundwishlist.statemachine.StateMachineDefinitions;
import dev.outboundwishlist.taskrole.TaskRoleExtension;
import dev.outboundwishlist.template.Template;
import dev.outboundwishlist.template.TemplateFormat;
import dev.outboundwishlist.template.TemplateReadException;
import dev.outboundwishlist.template.TemplateReader;
import dev.outboundwishlist.template.TemplateWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What an expansion costs next to its floor, reading and writing the template: parse, serialize,
 * parse + serialize, and parse + expand + serialize with each extension alone and all together.
 * The heap is fixed and touched up front (see {@link ScalingBenchmark}): a growing heap made the
 * largest template's figures swing by ±80% from one run to the next.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ExpansionBenchmark {

    @Param({"wishlist", "largest"})
    public String template;

    private byte[] yaml;
    private Template parsed;
    private final Engine all = Engine.standard();
    private final Engine catchOnly = new Engine(List.of(new StateMachineDefinitions(), new GlobalCatchExtension()));
    private final Engine rolesOnly = new Engine(List.of(new StateMachineDefinitions(), new TaskRoleExtension()));

    @Setup
    public void setUp() throws TemplateReadException {
        yaml = Templates.yaml(template);
        parsed = parse();
    }

    @Benchmark
    public Template parse() throws TemplateReadException {
        return TemplateReader.read("template.yaml", yaml, Optional.empty());
    }

    @Benchmark
    public String serialize() {
        return TemplateWriter.write(parsed.root(), TemplateFormat.YAML);
    }

    @Benchmark
    public String parseAndSerialize() throws TemplateReadException {
        return TemplateWriter.write(parse().root(), TemplateFormat.YAML);
    }

    @Benchmark
    public String expandAll() throws TemplateReadException {
        return expand(all);
    }

    @Benchmark
    public String expandCatchOnly() throws TemplateReadException {
        return expand(catchOnly);
    }

    @Benchmark
    public String expandRolesOnly() throws TemplateReadException {
        return expand(rolesOnly);
    }

    private String expand(Engine engine) throws TemplateReadException {
        ExpansionResult result = engine.run(parse(), Environment.offline());
        return TemplateWriter.write(result.template().orElseThrow(), TemplateFormat.YAML);
    }
}
