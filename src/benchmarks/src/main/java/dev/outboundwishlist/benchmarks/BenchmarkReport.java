package dev.outboundwishlist.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every measurement and prints the figures the README reports: the JMH benchmarks with the
 * ratio full expand / (parse + serialize), the scaling table, the cold start and the CLI
 * throughput (or only the last two: argument cold-start or cli). Run from the repository root after
 * building with -Pbenchmarks.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cli")) {
            CliThroughput.report().forEach(System.out::println);
            return;
        }
        if (args.length > 0 && args[0].equals("cold-start")) {
            ColdStart.report().forEach(System.out::println);
            return;
        }
        Options options = new OptionsBuilder()
                .include(ExpansionBenchmark.class.getSimpleName())
                .include(ScalingBenchmark.class.getSimpleName())
                .verbosity(VerboseMode.SILENT)
                .build();
        Map<String, Double> scores = new LinkedHashMap<>();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            for (String key : result.getParams().getParamsKeys()) {
                label += " " + result.getParams().getParam(key);
            }
            scores.put(label, result.getPrimaryResult().getScore());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Warm expansion (JMH, average ms per operation)");
        for (String template : List.of("wishlist", "largest")) {
            double floor = scores.get("parseAndSerialize " + template);
            double full = scores.get("expandAll " + template);
            lines.add(String.format("  %-9s parse %.3f, serialize %.3f, parse+serialize %.3f, expand: catch %.3f, "
                            + "roles %.3f, all %.3f; ratio all/(parse+serialize) %.2f", template,
                    scores.get("parse " + template), scores.get("serialize " + template), floor,
                    scores.get("expandCatchOnly " + template), scores.get("expandRolesOnly " + template), full,
                    full / floor));
        }
        lines.add("Scaling (expansion only, ms; ratio to the previous step for 10x the work)");
        double previous = 0;
        for (String size : List.of("10", "100", "500")) {
            double score = scores.get("resources " + size);
            lines.add(String.format("  %5s resources: %8.3f%s", size, score,
                    previous == 0 ? "" : String.format("  (x%.1f for x%s)", score / previous, size.equals("500") ? "5" : "10")));
            previous = score;
        }
        previous = 0;
        double previousCopy = 0;
        for (String size : List.of("10", "100", "1000", "10000")) {
            double copy = scores.get("copyStates " + size);
            double score = scores.get("states " + size) - copy;
            // Copying the tree once is the floor of touching it: the expansion is judged against it too.
            lines.add(String.format("  %5s states:    %8.3f%s; %.1f x one copy of the tree%s", size, score,
                    previous == 0 ? "" : String.format("  (x%.1f for x10)", score / previous), score / copy,
                    previousCopy == 0 ? "" : String.format(" (the copy: x%.1f)", copy / previousCopy)));
            previous = score;
            previousCopy = copy;
        }
        lines.add("  the same states in machines of 100 states (the control: no machine grows)");
        previous = 0;
        for (String size : List.of("100", "1000", "10000")) {
            double spread = scores.get("statesInMachinesOf100 " + size) - scores.get("copyStatesInMachinesOf100 " + size);
            double one = scores.get("states " + size) - scores.get("copyStates " + size);
            lines.add(String.format("  %5s states:    %8.3f%s; one machine of %s states costs %.2f x this", size, spread,
                    previous == 0 ? "" : String.format("  (x%.1f for x10)", spread / previous), size, one / spread));
            previous = spread;
        }
        lines.addAll(ColdStart.report());
        lines.addAll(CliThroughput.report());
        lines.forEach(System.out::println);
    }
}
